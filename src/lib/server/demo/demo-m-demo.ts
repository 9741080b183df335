// Demo of the 4th edition's monitoring as statisticians would publish it: every indicator has a source
// with a release calendar (one of them overdue, so its indicator is stale), a dozen more indicators —
// several broken down by district and age group with totals that add up — the staff share of the
// administration against the population, and a published mid-term review rating every goal.
// Publishers, figures and findings are fictional.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { getEditionPage, type OutlineField } from '../document/document.service';
import { dimensionMembers, dimensions, indicatorBreakdowns, indicatorMeasurements } from '../monitoring/measurement.schema';
import { periodEndingOn } from '../monitoring/measurement-period';
import { ensureDistrictDimension, writeMeasurements, type PlainMeasurement } from '../monitoring/measurement.service';
import { indicatorSources, indicators, type IndicatorFrequency } from '../monitoring/monitoring.schema';
import { editionReviews, reviewRatings, type GoalRating } from '../monitoring/review.schema';
import { slugify } from '../shared/slug';
import { getMunicipalityBySlug, listDistricts } from '../tenancy/tenancy.service';
import { quarterEnds, round, wobble, type DemoIndicator } from './demo-monitoring';

const DL_DE_BY = 'Datenlizenz Deutschland – Namensnennung – Version 2.0';
const CC_BY = 'CC BY 4.0';

type DemoSource = {
	key: string;
	publisher: string;
	dataset: string;
	method: string;
	licence: string;
	frequency: IndicatorFrequency;
	/** Days between the end of a period and the release of its figures. */
	lagDays: number;
	/** Finished periods not yet published: with three, the release due for the oldest of them is long overdue. */
	behind?: number;
};

const sources: DemoSource[] = [
	{ key: 'integrationsangebote', publisher: 'Amt für Migration und Integration (Demo)', dataset: 'Geschäftsstatistik der Integrationsangebote', method: 'Vollerhebung aus den Quartalsmeldungen der geförderten Träger, Stichtag Quartalsende.', licence: DL_DE_BY, frequency: 'quarterly', lagDays: 30 },
	{ key: 'einwohnerstatistik', publisher: 'Amt für Kommunale Statistik (Demo)', dataset: 'Einwohnerinnen und Einwohner nach Stadtbezirk und Altersgruppe', method: 'Auswertung des Melderegisters; internationale Geschichte aus Staatsangehörigkeit, Geburtsland und Geburtsland der Eltern abgeleitet.', licence: DL_DE_BY, frequency: 'quarterly', lagDays: 40 },
	{ key: 'personalstatistik', publisher: 'Personal- und Organisationsamt (Demo)', dataset: 'Personalstatistik der Stadtverwaltung', method: 'Freiwillige, anonyme Selbstauskunft der Beschäftigten, hochgerechnet auf den Personalbestand am Quartalsende.', licence: CC_BY, frequency: 'quarterly', lagDays: 35 },
	{ key: 'terminstatistik', publisher: 'Bürgeramt (Demo)', dataset: 'Terminstatistik der Bürgerbüros', method: 'Automatische Auswertung des Terminbuchungssystems über alle Bürgerbüros.', licence: DL_DE_BY, frequency: 'quarterly', lagDays: 20, behind: 3 },
	{ key: 'anerkennungsverfahren', publisher: 'Anerkennungsstelle und Kammern (Demo)', dataset: 'Statistik der Anerkennungsverfahren', method: 'Meldungen der zuständigen Stellen über abgeschlossene Verfahren nach dem Berufsqualifikationsfeststellungsgesetz.', licence: DL_DE_BY, frequency: 'quarterly', lagDays: 45 },
	{ key: 'gruendungsstatistik', publisher: 'Wirtschaftsförderung (Demo)', dataset: 'Gründungsstatistik', method: 'Gewerbeanmeldungen und Beratungsprotokolle; internationale Geschichte nach Selbstauskunft.', licence: DL_DE_BY, frequency: 'quarterly', lagDays: 30 },
	{ key: 'arbeitsmarktstatistik', publisher: 'Regionaldirektion der Arbeitsagentur (Demo)', dataset: 'Beschäftigungsstatistik nach Staatsangehörigkeit', method: 'Sozialversicherungspflichtig Beschäftigte am Wohnort im Verhältnis zur Bevölkerung von 15 bis 64 Jahren.', licence: CC_BY, frequency: 'quarterly', lagDays: 45 },
	{ key: 'kita-und-schule', publisher: 'Amt für Schule und Weiterbildung (Demo)', dataset: 'Kita- und Schulstatistik', method: 'Angaben der Einrichtungen zum Stichtag Quartalsende.', licence: DL_DE_BY, frequency: 'quarterly', lagDays: 30 },
	{ key: 'schuleingangsuntersuchung', publisher: 'Gesundheitsamt (Demo)', dataset: 'Schuleingangsuntersuchung', method: 'Sprachscreening aller Kinder vor der Einschulung, ausgewertet nach Stadtbezirk des Wohnorts.', licence: DL_DE_BY, frequency: 'yearly', lagDays: 90 },
	{ key: 'einbuergerungsstatistik', publisher: 'Ausländerbehörde (Demo)', dataset: 'Einbürgerungsstatistik', method: 'Ausgehändigte Einbürgerungsurkunden nach Wohnort und Alter.', licence: DL_DE_BY, frequency: 'quarterly', lagDays: 25 },
	{ key: 'stadtbuecherei', publisher: 'Stadtbücherei (Demo)', dataset: 'Veranstaltungsstatistik', method: 'Gezählte Teilnahmen an Vorlese- und Sprachangeboten in Zentrale und Stadtteilbüchereien.', licence: CC_BY, frequency: 'quarterly', lagDays: 20 }
];

/** Which source publishes each indicator of demo-monitoring.ts, by indicator name. */
const sourceOfEarlierIndicator: Record<string, string> = {
	'Dauer der Anerkennungsverfahren': 'anerkennungsverfahren',
	'Anerkannte ausländische Berufsabschlüsse': 'anerkennungsverfahren',
	'Aktive Lotsinnen und Lotsen': 'integrationsangebote',
	'Beratene Gründungsvorhaben': 'gruendungsstatistik',
	'Sitze in Beiräten mit Menschen internationaler Geschichte': 'integrationsangebote',
	'Dauerhaft geförderte Migrantenselbstorganisationen': 'integrationsangebote',
	'Teilnehmende am Jugendforum Vielfalt': 'integrationsangebote',
	'Auszubildende mit internationaler Geschichte in der Stadtverwaltung': 'personalstatistik',
	'Beratungsgespräche mit Dolmetschung': 'integrationsangebote',
	// Three quarters behind its calendar: the indicator that shows what "stale" looks like.
	'Wartezeit auf einen Termin im Bürgerbüro': 'terminstatistik',
	'Kitas mit fortgebildeten Fachkräften für Mehrsprachigkeit': 'kita-und-schule',
	'Grundschulen mit herkunftssprachlichem Unterricht': 'kita-und-schule',
	'Besuche in Begegnungsorten': 'integrationsangebote'
};

const ageGroups = [
	{ key: 'unter-18', label: 'unter 18 Jahre' },
	{ key: '18-29', label: '18 bis 29 Jahre' },
	{ key: '30-49', label: '30 bis 49 Jahre' },
	{ key: '50-64', label: '50 bis 64 Jahre' },
	{ key: '65-plus', label: '65 Jahre und älter' }
];

/**
 * How the values of an indicator are laid out:
 * - `city`: one value per period;
 * - `districts`: counts per district, the city value is their sum;
 * - `district-shares`: a share per district, the city value is their average weighted by population;
 * - `districts-by-age`: counts per district and per age group every quarter, and the two-way table of
 *   district by age group at the end of each year; margins and the city value are sums of the cells;
 * - `staff-by-age`: the staff share by age group from headcounts, see `staffShare`.
 */
type Shape =
	| { kind: 'city' }
	| { kind: 'districts'; weights: number[] }
	| { kind: 'district-shares'; weights: number[]; offsets: number[] }
	| { kind: 'districts-by-age'; weights: number[]; ageWeights: number[] }
	| { kind: 'staff-by-age' }
	| { kind: 'staff-gap' };

/** An indicator of the earlier demo's kind, tied to a measure by title, with its publisher and the shape of its values. */
type NewIndicator = Omit<DemoIndicator, 'measure' | 'districts' | 'missing'> & {
	/** The indicator belongs to this measure of the goal instead of the goal itself. */
	measureTitle?: string;
	frequency: IndicatorFrequency;
	source: string;
	shape: Shape;
	/** The newest value is an estimate (the publisher's own projection). */
	newestIsEstimate?: boolean;
};

// Six districts in the order of the demo: Mitte, Nord, Ost, West, Süd-Ost, Hiltrup.
const population = [0.2, 0.17, 0.15, 0.2, 0.12, 0.16];

const STAFF_SHARE = 'Beschäftigte der Stadtverwaltung mit internationaler Geschichte';

// The staff-share goal compares two quantities. An indicator has one series, one direction and one
// target, and a reference series with neither would be scored as if it were a goal of its own. So the
// comparison is two indicators of the same goal: the staff share itself (higher is better, target
// for 2030 on the way to the population share) and the gap to the population share in percentage
// points (lower is better); each value of the gap names both shares it was computed from.
const newIndicators: NewIndicator[] = [
	{ field: 2, goal: 0, name: STAFF_SHARE, definition: 'Anteil der Beschäftigten mit internationaler Geschichte an allen Beschäftigten der Stadtverwaltung, nach Altersgruppe.', unit: '%', direction: 'higher_is_better', baseline: 12.8, target: 20, reached: 0.3, decimals: 1, frequency: 'quarterly', source: 'personalstatistik', shape: { kind: 'staff-by-age' } },
	{ field: 2, goal: 0, name: 'Abstand zum Bevölkerungsanteil mit internationaler Geschichte', definition: 'Anteil der Menschen mit internationaler Geschichte an der Bevölkerung abzüglich ihres Anteils an den Beschäftigten der Stadtverwaltung.', unit: 'Prozentpunkte', direction: 'lower_is_better', baseline: 15.6, target: 10, reached: 0, decimals: 1, frequency: 'quarterly', source: 'einwohnerstatistik', shape: { kind: 'staff-gap' } },
	{ field: 4, goal: 0, name: 'Teilnehmende an Angeboten der Begegnungszentren', definition: 'Personen, die im Quartal an mindestens einem Angebot eines Begegnungszentrums teilgenommen haben, nach Wohnort und Alter.', unit: 'Personen', direction: 'higher_is_better', baseline: 3200, target: 5200, reached: 0.45, frequency: 'quarterly', source: 'integrationsangebote', shape: { kind: 'districts-by-age', weights: [0.22, 0.21, 0.14, 0.15, 0.16, 0.12], ageWeights: [0.22, 0.2, 0.26, 0.18, 0.14] } },
	{ field: 2, goal: 1, name: 'Ratsuchende in der Migrationsberatung', definition: 'Personen, die im Quartal mindestens ein Beratungsgespräch in der Migrationsberatung hatten, nach Wohnort und Alter.', unit: 'Personen', direction: 'higher_is_better', baseline: 1900, target: 2600, reached: 0.4, frequency: 'quarterly', source: 'integrationsangebote', shape: { kind: 'districts-by-age', weights: [0.19, 0.24, 0.16, 0.14, 0.15, 0.12], ageWeights: [0.12, 0.3, 0.36, 0.16, 0.06] } },
	{ field: 1, goal: 0, name: 'Eingebürgerte Personen', definition: 'Im Quartal ausgehändigte Einbürgerungsurkunden, nach Wohnort und Alter.', unit: 'Personen', direction: 'higher_is_better', baseline: 310, target: 520, reached: 0.6, frequency: 'quarterly', source: 'einbuergerungsstatistik', shape: { kind: 'districts-by-age', weights: [0.2, 0.22, 0.16, 0.15, 0.15, 0.12], ageWeights: [0.22, 0.24, 0.34, 0.14, 0.06] } },
	{ field: 3, goal: 0, name: 'Teilnahmen an mehrsprachigen Vorlese- und Sprachangeboten', definition: 'Gezählte Teilnahmen an Angeboten der Stadtbücherei in Deutsch und Familiensprachen im Quartal, nach Wohnort und Alter.', unit: 'Teilnahmen', direction: 'higher_is_better', baseline: 1400, target: 2400, reached: 0.5, frequency: 'quarterly', source: 'stadtbuecherei', shape: { kind: 'districts-by-age', weights: [0.24, 0.2, 0.14, 0.16, 0.12, 0.14], ageWeights: [0.46, 0.1, 0.28, 0.1, 0.06] } },
	{ field: 0, goal: 1, name: 'Gewerbeanmeldungen von Gründenden mit internationaler Geschichte', definition: 'Neue Gewerbeanmeldungen im Quartal, deren Gründerinnen oder Gründer eine internationale Geschichte angeben.', unit: 'Anmeldungen', direction: 'higher_is_better', baseline: 190, target: 260, reached: 0.35, frequency: 'quarterly', source: 'gruendungsstatistik', shape: { kind: 'districts', weights: [0.3, 0.2, 0.13, 0.14, 0.11, 0.12] } },
	{ field: 0, goal: 0, name: 'Beschäftigungsquote von Menschen mit ausländischer Staatsangehörigkeit', definition: 'Sozialversicherungspflichtig Beschäftigte mit ausländischer Staatsangehörigkeit je 100 Einwohnerinnen und Einwohner dieser Gruppe von 15 bis 64 Jahren.', unit: '%', direction: 'higher_is_better', baseline: 48.5, target: 56, reached: 0.3, decimals: 1, frequency: 'quarterly', source: 'arbeitsmarktstatistik', shape: { kind: 'city' }, newestIsEstimate: true },
	{ field: 1, goal: 2, name: 'Anteil junger Menschen unter den Beteiligten an Bürgerbeteiligungen', definition: 'Anteil der 14- bis 26-Jährigen an allen Personen, die sich im Quartal an einem städtischen Beteiligungsverfahren beteiligt haben.', unit: '%', direction: 'higher_is_better', baseline: 9, target: 20, reached: 0.55, decimals: 1, frequency: 'quarterly', source: 'integrationsangebote', shape: { kind: 'city' } },
	{ field: 2, goal: 1, measureTitle: 'Formulare in Leichter Sprache', name: 'Meistgenutzte Formulare in Leichter Sprache', definition: 'Anteil der zwanzig meistgenutzten Formulare, die in Leichter Sprache vorliegen.', unit: '%', direction: 'higher_is_better', baseline: 10, target: 100, reached: 0.4, frequency: 'quarterly', source: 'integrationsangebote', shape: { kind: 'city' } },
	{ field: 3, goal: 0, name: 'Schulanfängerinnen und Schulanfänger mit Sprachförderbedarf', definition: 'Anteil der untersuchten Kinder, bei denen die Schuleingangsuntersuchung einen Förderbedarf in Deutsch feststellt.', unit: '%', direction: 'lower_is_better', baseline: 31, target: 22, reached: 0.3, decimals: 1, frequency: 'yearly', source: 'schuleingangsuntersuchung', shape: { kind: 'district-shares', weights: population, offsets: [-6, 15, 2, -4, 5, -7] } },
	{ field: 4, goal: 0, name: 'Ehrenamtliche in Nachbarschaftsprojekten', definition: 'Personen, die im Quartal regelmäßig in einem geförderten Nachbarschaftsprojekt mitgearbeitet haben.', unit: 'Personen', direction: 'higher_is_better', baseline: 260, target: 420, reached: 0.5, frequency: 'quarterly', source: 'integrationsangebote', shape: { kind: 'districts', weights: [0.18, 0.22, 0.15, 0.17, 0.14, 0.14] } }
];

/** Headcounts of the administration by age group, and how far each group's share lies from the whole. */
const staffByAge = [
	{ key: '18-29', headcount: 820, offset: 5.5 },
	{ key: '30-49', headcount: 2350, offset: 1.2 },
	{ key: '50-64', headcount: 2030, offset: -3.8 }
];

const reviewFindings: [number, number, GoalRating, string][] = [
	[0, 0, 'at_risk', 'Die Verfahren sind kürzer geworden, liegen aber noch weit über acht Wochen; die Kammern brauchen mehr Personal für die Prüfung der Unterlagen.'],
	[0, 1, 'on_track', 'Die Gründungsberatung ist gut angenommen, die Zahl der Beratungen und Anmeldungen steigt stetig.'],
	[1, 0, 'at_risk', 'Die Sitze in den Beiräten wachsen langsamer als geplant; die Kandidierendenschule soll vor der nächsten Integrationsratswahl beginnen.'],
	[1, 1, 'on_track', 'Mehr Vereine erhalten eine mehrjährige Förderung; für das Haus der Vereine ist ein Gebäude gefunden.'],
	[1, 2, 'on_track', 'Das Jugendforum ist jedes Mal voll, und junge Menschen beteiligen sich häufiger an Verfahren der Stadt.'],
	[2, 0, 'off_track', 'Der Anteil der Beschäftigten mit internationaler Geschichte steigt, der Abstand zum Bevölkerungsanteil schrumpft aber kaum, weil die Stadtgesellschaft schneller vielfältiger wird. Die Ausbildungskampagne wirkt erst in einigen Jahren.'],
	[2, 1, 'at_risk', 'Der Dolmetschpool wird stark genutzt. Die Wartezeit im Bürgerbüro lässt sich nicht beurteilen, weil die Terminstatistik seit Monaten aussteht.'],
	[3, 0, 'on_track', 'Mehr Kitas haben fortgebildete Fachkräfte, und herkunftssprachlicher Unterricht wird inzwischen in allen Stadtbezirken angeboten.'],
	[4, 0, 'achieved', 'In jedem Stadtbezirk gibt es einen offenen Ort der Begegnung; als Nächstes geht es um längere Öffnungszeiten.']
];

function addDays(isoDate: string, days: number) {
	const date = new Date(`${isoDate}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

const yearEnds = (quarters: string[]) => quarters.filter((date) => date.endsWith('-12-31'));

/** The release calendar of a source: when its newest figures came out and when the next are due. */
function releaseCalendar(source: DemoSource, quarters: string[], today: string) {
	const periods = source.frequency === 'yearly' ? yearEnds(quarters) : quarters;
	const published = periods.at(-1 - (source.behind ?? 0))!;
	const step = source.frequency === 'yearly' ? 12 : 3;
	const following = new Date(`${published}T00:00:00Z`);
	following.setUTCDate(1);
	following.setUTCMonth(following.getUTCMonth() + step + 1);
	following.setUTCDate(0);
	const lastRelease = addDays(published, source.lagDays);
	return {
		lastReleaseOn: lastRelease < today ? lastRelease : addDays(today, -1),
		nextReleaseOn: addDays(following.toISOString().slice(0, 10), source.lagDays)
	};
}

const germanNumber = (value: number) => value.toFixed(1).replace('.', ',');

/** The values of one new indicator, each with its source and the flags a publisher would set. */
function measurementsOf(demo: NewIndicator, n: number, indicatorId: string, sourceId: string, quarters: string[], districts: { id: string }[], staffShares: Map<string, number>): PlainMeasurement[] {
	const all = demo.frequency === 'yearly' ? yearEnds(quarters) : quarters;
	const rows: PlainMeasurement[] = [];
	for (const [q, periodEnd] of all.entries()) {
		const period = periodEndingOn(periodEnd, demo.frequency);
		const newest = q === all.length - 1;
		const at = { indicatorId, sourceId, periodKind: period.kind, periodStart: period.start, periodEnd: period.end, provisional: newest, sourceNote: newest ? 'vorläufiger Wert' : '' };
		const seed = n * 37 + q;
		const path = demo.baseline + (demo.target - demo.baseline) * ((demo.reached * (q + 1)) / all.length + wobble(seed) * 0.05);
		const shape = demo.shape;
		if (shape.kind === 'city') {
			const estimate = newest && demo.newestIsEstimate === true;
			rows.push({ ...at, value: round(path, demo.decimals), estimate, sourceNote: estimate ? 'Hochrechnung der Regionaldirektion' : at.sourceNote });
		} else if (shape.kind === 'districts') {
			const cells = districts.map((district, d) => ({ district, value: Math.max(1, Math.round(path * shape.weights[d] * (1 + wobble(seed * 7 + d) * 0.12))) }));
			for (const cell of cells) rows.push({ ...at, districtId: cell.district.id, value: cell.value });
			rows.push({ ...at, value: cells.reduce((sum, cell) => sum + cell.value, 0) });
		} else if (shape.kind === 'district-shares') {
			const centre = shape.offsets.reduce((sum, offset, d) => sum + offset * shape.weights[d], 0);
			const values = districts.map((_, d) => round(path + shape.offsets[d] - centre + wobble(seed * 11 + d), 1));
			values.forEach((value, d) => rows.push({ ...at, districtId: districts[d].id, value }));
			rows.push({ ...at, value: round(values.reduce((sum, value, d) => sum + value * shape.weights[d], 0), 1) });
		} else if (shape.kind === 'districts-by-age') {
			const cells = districts.map((_, d) =>
				ageGroups.map((_, a) => Math.max(1, Math.round(path * shape.weights[d] * shape.ageWeights[a] * (1 + wobble(seed * 13 + d * 5 + a) * 0.15))))
			);
			const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
			districts.forEach((district, d) => {
				// Like most statistics offices, the demo publishes the full two-way table once a year.
				if (periodEnd.endsWith('-12-31')) ageGroups.forEach((age, a) => rows.push({ ...at, districtId: district.id, members: { age_group: age.key }, value: cells[d][a] }));
				rows.push({ ...at, districtId: district.id, value: sum(cells[d]) });
			});
			ageGroups.forEach((age, a) => rows.push({ ...at, members: { age_group: age.key }, value: sum(cells.map((row) => row[a])) }));
			rows.push({ ...at, value: sum(cells.flat()), ...(q === 0 && n % 2 === 1 ? { estimate: true, sourceNote: 'Zwei Träger haben geschätzt nachgemeldet.' } : {}) });
		} else if (shape.kind === 'staff-by-age') {
			// Shares by age come from headcounts, so the overall share is exactly the pooled one.
			const withHistory = staffByAge.map((group) => Math.round((group.headcount * (path + group.offset)) / 100));
			staffByAge.forEach((group, a) => rows.push({ ...at, members: { age_group: group.key }, value: round((100 * withHistory[a]) / group.headcount, 1) }));
			const share = round((100 * withHistory.reduce((s, v) => s + v, 0)) / staffByAge.reduce((s, g) => s + g.headcount, 0), 1);
			staffShares.set(periodEnd, share);
			rows.push({ ...at, value: share });
		} else {
			const staff = staffShares.get(periodEnd)!;
			const populationShare = round(28.4 + 0.17 * q + wobble(seed) * 0.1, 1);
			const note = `Bevölkerungsanteil ${germanNumber(populationShare)} %, Anteil der Beschäftigten ${germanNumber(staff)} %`;
			rows.push({ ...at, value: round(populationShare - staff, 1), sourceNote: newest ? `${note} (vorläufig)` : note });
		}
	}
	return rows;
}

async function editionOf(db: Executor, municipalityId: string) {
	const page = await getEditionPage({ db, municipalityId, strategySlug: 'migration-und-integration', number: 4 });
	return { editionId: page.edition.id, outline: page.outline };
}

async function insertSources(tx: Executor, municipalityId: string, quarters: string[], today: string) {
	const rows = await tx
		.insert(indicatorSources)
		.values(
			sources.map((source) => ({
				municipalityId,
				key: source.key,
				publisher: source.publisher,
				dataset: source.dataset,
				method: source.method,
				licence: source.licence,
				url: `https://daten.muenster.example.org/${source.key}`,
				frequency: source.frequency,
				...releaseCalendar(source, quarters, today)
			}))
		)
		.returning({ id: indicatorSources.id, key: indicatorSources.key });
	return new Map(rows.map((row) => [row.key, row.id]));
}

/** The earlier indicators get their publisher, and every one of their values the same source. */
async function attributeEarlierIndicators(tx: Executor, municipalityId: string, editionId: string, sourceIds: Map<string, string>) {
	for (const source of sources) {
		const codes = Object.entries(sourceOfEarlierIndicator)
			.filter(([, key]) => key === source.key)
			.map(([name]) => slugify(name));
		if (codes.length === 0) continue;
		await tx
			.update(indicators)
			.set({ sourceId: sourceIds.get(source.key)!, source: `${source.publisher}: ${source.dataset}` })
			.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.editionId, editionId), inArray(indicators.code, codes)));
	}
	await tx.execute(sql`
		update ${indicatorMeasurements} m set source_id = i.source_id
		from ${indicators} i
		where i.id = m.indicator_id and i.municipality_id = ${municipalityId} and i.edition_id = ${editionId}
			and m.municipality_id = ${municipalityId} and m.source_id is null`);
}

/**
 * Each value is recorded on the day its source published it (its period's end plus the source's lag),
 * not on the day the demo was loaded: staleness reads the record day against the release calendar,
 * so the source that is three quarters behind leaves its indicator stale.
 */
async function dateValuesByRelease(tx: Executor, municipalityId: string, sourceIds: Map<string, string>, now: Date) {
	for (const source of sources) {
		await tx.execute(sql`
			update ${indicatorMeasurements} set created_at = least(${now.toISOString()}::timestamptz, (period_end + ${source.lagDays}::int)::timestamptz)
			where municipality_id = ${municipalityId} and source_id = ${sourceIds.get(source.key)!}`);
	}
}

async function insertAgeGroupDimension(tx: Executor, municipalityId: string) {
	const [dimension] = await tx.insert(dimensions).values({ municipalityId, key: 'age_group', label: 'Altersgruppe', position: 1 }).returning({ id: dimensions.id });
	await tx.insert(dimensionMembers).values([
		{ municipalityId, dimensionId: dimension.id, key: 'total', label: 'Gesamt', position: 0, isTotal: true },
		...ageGroups.map((group, index) => ({ municipalityId, dimensionId: dimension.id, key: group.key, label: group.label, position: index + 1 }))
	]);
	return dimension.id;
}

async function addIndicators(tx: Executor, municipalityId: string, editionId: string, outline: OutlineField[], sourceIds: Map<string, string>, quarters: string[]) {
	const districts = await listDistricts({ db: tx, municipalityId });
	const districtDimension = await ensureDistrictDimension(tx, municipalityId);
	const ageDimension = await insertAgeGroupDimension(tx, municipalityId);
	const sourceOf = new Map(sources.map((source) => [source.key, source]));
	const inserted = await tx
		.insert(indicators)
		.values(
			newIndicators.map((demo) => {
				const goal = outline[demo.field].goals[demo.goal];
				const measure = demo.measureTitle ? goal.measures.find((m) => m.title === demo.measureTitle) : undefined;
				const source = sourceOf.get(demo.source)!;
				return {
					municipalityId,
					editionId,
					goalId: measure ? null : goal.id,
					measureId: measure ? measure.id : null,
					code: slugify(demo.name),
					name: demo.name,
					definition: demo.definition,
					unit: demo.unit,
					source: `${source.publisher}: ${source.dataset}`,
					sourceId: sourceIds.get(demo.source)!,
					direction: demo.direction,
					baselineValue: demo.baseline,
					baselineDate: '2024-01-01',
					targetValue: demo.target,
					targetDate: '2030-12-31',
					frequency: demo.frequency
				};
			})
		)
		.returning({ id: indicators.id });
	const breakdowns: (typeof indicatorBreakdowns.$inferInsert)[] = [];
	newIndicators.forEach((demo, n) => {
		const { kind } = demo.shape;
		const indicatorId = inserted[n].id;
		if (kind !== 'staff-by-age' && kind !== 'staff-gap') breakdowns.push({ indicatorId, dimensionId: districtDimension, municipalityId, position: 0 });
		if (kind === 'districts-by-age' || kind === 'staff-by-age') breakdowns.push({ indicatorId, dimensionId: ageDimension, municipalityId, position: 1 });
	});
	await tx.insert(indicatorBreakdowns).values(breakdowns);
	const staffShares = new Map<string, number>();
	const rows = newIndicators.flatMap((demo, n) => measurementsOf(demo, n, inserted[n].id, sourceIds.get(demo.source)!, quarters, districts, staffShares));
	await writeMeasurements(tx, municipalityId, rows);
}

async function publishMidTermReview(tx: Executor, municipalityId: string, editionId: string, outline: OutlineField[]) {
	const [review] = await tx
		.insert(editionReviews)
		.values({ municipalityId, editionId, kind: 'mid_term', title: 'Halbzeitbilanz 2026', reviewedOn: '2026-09-30', publishedAt: new Date('2026-10-15T10:00:00Z') })
		.returning({ id: editionReviews.id });
	await tx.insert(reviewRatings).values(
		reviewFindings.map(([field, goal, rating, findings]) => ({ reviewId: review.id, goalId: outline[field].goals[goal].id, municipalityId, rating, findings }))
	);
}

/** Runs after loadDemoMonitoring: it completes the indicators of Münster's 4th edition. */
export async function loadDemoMonitoringDetail(db: Database, now = new Date()): Promise<void> {
	const muenster = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const { editionId, outline } = await editionOf(db, muenster.id);
	const quarters = quarterEnds(now);
	const today = now.toISOString().slice(0, 10);
	await db.transaction(async (tx) => {
		const sourceIds = await insertSources(tx, muenster.id, quarters, today);
		await attributeEarlierIndicators(tx, muenster.id, editionId, sourceIds);
		await addIndicators(tx, muenster.id, editionId, outline, sourceIds, quarters);
		await dateValuesByRelease(tx, muenster.id, sourceIds, now);
		await publishMidTermReview(tx, muenster.id, editionId, outline);
	});
}
