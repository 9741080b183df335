// Demo monitoring: Münster's 4th edition is being carried out — about sixty measures tracked across the
// six districts and all statuses, a dozen indicators with 2024 baselines, 2030 targets and quarterly
// values (the rest of the indicators, sources and the mid-term review: demo-m-demo.ts). Organisations,
// people and figures are fictional.
import type { Database, Executor } from '../db/client';
import { measureDistricts, measureOrganisations, measureProgressUpdates, measureTracking } from '../monitoring/monitoring.schema';
import { slugify } from '../shared/slug';
import { getEditionPage, type OutlineField } from '../document/document.service';
import {
	insertIndicator,
	insertMeasures,
	insertMembershipForUser,
	replaceMeasureOrganisations,
	selectOrganisationChoices,
	upsertTracking
} from '../monitoring/monitor.queries';
import type { IndicatorDirection, IndicatorFrequency, MeasureStatus } from '../monitoring/monitoring.schema';
import { declareDistrictBreakdown, writeMeasurements, type PlainMeasurement } from '../monitoring/measurement.service';
import { periodEndingOn } from '../monitoring/measurement-period';
import { selectUserByEmail } from '../people/people.queries';
import { getMunicipalityBySlug, listDistricts } from '../tenancy/tenancy.service';
import { demoMonitoringIds } from './demo-monitoring-ids';
import { moreMeasures } from './demo-m-demo-measures';

/** Further measures of the 4th edition, by field and goal index, beside those of the base demo. */
const addedMeasures: [number, number, string, string][] = [
	[0, 0, 'Digitale Antragsstrecke für Anerkennungsverfahren', 'Unterlagen werden einmal hochgeladen und von allen beteiligten Stellen gelesen.'],
	[0, 0, 'Brückenkurse für Pflegefachkräfte', 'Fachsprache und Praxisanleitung für Pflegekräfte mit ausländischem Abschluss.'],
	[0, 1, 'Mikrokredite für kleine Gründungen', 'Ein Fonds mit einer örtlichen Bank vergibt Kleinstkredite bis 15.000 Euro.'],
	[0, 1, 'Gründerinnen-Treff im Stadtteil', 'Monatlicher Austausch für Frauen, die ein Unternehmen gründen wollen.'],
	[1, 0, 'Schnupperplätze in den Bezirksvertretungen', 'Interessierte begleiten ein Jahr lang ein Mitglied der Bezirksvertretung.'],
	[1, 1, 'Beratungsstelle für Vereinsgründung und Förderanträge', 'Hilfe bei Satzung, Gemeinnützigkeit und Anträgen.'],
	[1, 2, 'Jugendbudget für Projekte in den Stadtbezirken', 'Junge Menschen entscheiden selbst über ein Budget für ihre Vorhaben.'],
	[2, 0, 'Mentoring für Auszubildende mit Fluchtgeschichte', 'Erfahrene Kolleginnen und Kollegen begleiten durch die Ausbildung.'],
	[2, 1, 'Mehrsprachige Terminvergabe im Bürgerbüro', 'Termine lassen sich in acht Sprachen buchen.'],
	[2, 1, 'Formulare in Leichter Sprache', 'Die zwanzig meistgenutzten Formulare werden überarbeitet.'],
	[3, 0, 'Herkunftssprachlicher Unterricht an weiteren Grundschulen', 'Das Angebot wird auf alle Stadtbezirke ausgeweitet.'],
	[3, 0, 'Elterncafés in Familienzentren', 'Eltern tauschen sich aus und erfahren, wie sie Mehrsprachigkeit zu Hause stärken.'],
	[3, 0, 'Lesepatenschaften in mehreren Sprachen', 'Ehrenamtliche lesen in Kitas in Deutsch und in Familiensprachen vor.'],
	[4, 0, 'Begegnungszentrum in Hiltrup ausbauen', 'Mehr Räume und längere Öffnungszeiten für Vereine und Nachbarschaft.'],
	[4, 0, 'Nachbarschaftsfeste mit Vereinen im Stadtbezirk Ost', 'Jedes Jahr ein Fest, das Vereine gemeinsam ausrichten.'],
	[4, 0, 'Interkultureller Garten im Stadtbezirk West', 'Ein Gemeinschaftsgarten auf einer Brachfläche.'],
	[4, 0, 'Offene Treffs in Süd-Ost', 'Drei Nachmittage in der Woche offen für alle.'],
	...moreMeasures
];

const offices = [
	'Amt für Migration und Integration (Demo)',
	'Amt für Schule und Weiterbildung (Demo)',
	'Personalamt (Demo)',
	'Amt für Kinder, Jugend und Familien (Demo)',
	'Amt für Stadtteilentwicklung (Demo)',
	'Bürgeramt (Demo)'
];

const statusPattern: MeasureStatus[] = ['in_progress', 'done', 'in_progress', 'planned', 'delayed', 'in_progress', 'done', 'paused', 'in_progress', 'planned', 'in_progress', 'dropped'];
const reasons: Partial<Record<MeasureStatus, string[]>> = {
	delayed: ['Die Räume stehen erst nach dem Umbau zur Verfügung.', 'Die Fördermittel wurden später bewilligt als geplant.', 'Die Stelle für die Koordination war ein halbes Jahr unbesetzt.'],
	dropped: ['Das Land fördert ein gleichartiges Angebot; die Mittel fließen dorthin.', 'Es fand sich kein Träger; die Idee geht in die nächste Auflage ein.'],
	paused: ['Pause bis zur neuen Förderperiode.']
};
const updateTexts = [
	'Die Auftaktveranstaltung war gut besucht; rund 40 Menschen haben sich eingetragen.',
	'Ein Kooperationsvertrag mit den Partnern ist unterschrieben.',
	'Die ersten Materialien liegen in fünf Sprachen vor.',
	'Die Evaluation der ersten Runde ist abgeschlossen; das Konzept wird angepasst.',
	'Zwei weitere Stadtbezirke wollen das Angebot übernehmen.'
];

export type DemoIndicator = {
	field: number;
	goal: number;
	measure?: number;
	name: string;
	definition: string;
	unit: string;
	direction: IndicatorDirection;
	baseline: number;
	target: number;
	/** How far along the way to the target the newest value is. */
	reached: number;
	decimals?: number;
	districts?: boolean;
	/** Quarters missing at the end: shows what a stale indicator looks like. */
	missing?: number;
};

const indicators: DemoIndicator[] = [
	{ field: 0, goal: 0, name: 'Dauer der Anerkennungsverfahren', definition: 'Mittlere Zahl der Wochen zwischen vollständigem Antrag und Bescheid.', unit: 'Wochen', direction: 'lower_is_better', baseline: 16, target: 8, reached: 0.45, decimals: 1 },
	{ field: 0, goal: 0, name: 'Anerkannte ausländische Berufsabschlüsse', definition: 'Positive Bescheide im Quartal, voll oder teilweise gleichwertig.', unit: 'Bescheide', direction: 'higher_is_better', baseline: 85, target: 140, reached: 0.4 },
	{ field: 0, goal: 0, measure: 0, name: 'Aktive Lotsinnen und Lotsen', definition: 'Ehrenamtliche, die im Quartal mindestens eine Person begleitet haben.', unit: 'Personen', direction: 'higher_is_better', baseline: 14, target: 40, reached: 0.55 },
	{ field: 0, goal: 1, name: 'Beratene Gründungsvorhaben', definition: 'Erstberatungen in der mehrsprachigen Gründungsberatung im Quartal.', unit: 'Beratungen', direction: 'higher_is_better', baseline: 12, target: 30, reached: 0.35 },
	{ field: 1, goal: 0, name: 'Sitze in Beiräten mit Menschen internationaler Geschichte', definition: 'Anteil an allen Sitzen der städtischen Beiräte.', unit: '%', direction: 'higher_is_better', baseline: 14, target: 25, reached: 0.3, decimals: 1 },
	{ field: 1, goal: 1, name: 'Dauerhaft geförderte Migrantenselbstorganisationen', definition: 'Vereine mit mehrjähriger Strukturförderung.', unit: 'Vereine', direction: 'higher_is_better', baseline: 9, target: 20, reached: 0.5 },
	{ field: 1, goal: 2, name: 'Teilnehmende am Jugendforum Vielfalt', definition: 'Junge Menschen, die im Quartal an einem Jugendforum teilgenommen haben.', unit: 'Personen', direction: 'higher_is_better', baseline: 60, target: 150, reached: 0.6, districts: true },
	{ field: 2, goal: 0, name: 'Auszubildende mit internationaler Geschichte in der Stadtverwaltung', definition: 'Anteil an allen Auszubildenden der Stadtverwaltung.', unit: '%', direction: 'higher_is_better', baseline: 18, target: 30, reached: 0.42, decimals: 1 },
	{ field: 2, goal: 1, name: 'Beratungsgespräche mit Dolmetschung', definition: 'Gespräche in städtischen Beratungsstellen mit Dolmetschpool im Quartal.', unit: 'Gespräche', direction: 'higher_is_better', baseline: 320, target: 600, reached: 0.5 },
	{ field: 2, goal: 1, name: 'Wartezeit auf einen Termin im Bürgerbüro', definition: 'Mittlere Zahl der Tage bis zum nächsten freien Termin.', unit: 'Tage', direction: 'lower_is_better', baseline: 21, target: 7, reached: 0.25, missing: 3 },
	{ field: 3, goal: 0, name: 'Kitas mit fortgebildeten Fachkräften für Mehrsprachigkeit', definition: 'Anteil der Kitas, in denen mindestens eine Fachkraft die Fortbildungsreihe abgeschlossen hat.', unit: '%', direction: 'higher_is_better', baseline: 22, target: 80, reached: 0.38, decimals: 1, districts: true },
	{ field: 3, goal: 0, name: 'Grundschulen mit herkunftssprachlichem Unterricht', definition: 'Grundschulen, an denen mindestens eine Herkunftssprache unterrichtet wird.', unit: 'Schulen', direction: 'higher_is_better', baseline: 11, target: 25, reached: 0.3 },
	{ field: 4, goal: 0, name: 'Besuche in Begegnungsorten', definition: 'Gezählte Besuche in städtisch geförderten Begegnungsorten im Quartal.', unit: 'Besuche', direction: 'higher_is_better', baseline: 2400, target: 5000, reached: 0.33, districts: true }
];

/** Quarter ends from the first quarter of 2024 up to the last quarter already over. */
export function quarterEnds(now: Date): string[] {
	const ends: string[] = [];
	for (let year = 2024; year <= now.getUTCFullYear(); year++) {
		for (const end of ['03-31', '06-30', '09-30', '12-31']) {
			const date = `${year}-${end}`;
			if (date < now.toISOString().slice(0, 10)) ends.push(date);
		}
	}
	return ends;
}

/** A deterministic wobble so that the lines look measured rather than drawn with a ruler. */
export const wobble = (seed: number) => Math.sin(seed * 12.9898) * 0.5;

export function round(value: number, decimals = 0) {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}

type Ids = { municipalityId: string; editionId: string };

async function trackEdition(tx: Executor, ids: Ids, outline: OutlineField[], now: Date) {
	const districts = await listDistricts({ db: tx, municipalityId: ids.municipalityId });
	const organisations = await selectOrganisationChoices(tx, ids.municipalityId);
	const inOutline = outline.flatMap((field) => field.goals.flatMap((goal) => goal.measures));
	// The later measures are numbered after the earlier ones, so every earlier measure keeps the
	// status, districts and partners it had before they were added (tests and the tour rely on them).
	const later = new Set(moreMeasures.map(([, , title]) => title));
	const measures = [...inOutline.filter((m) => !later.has(m.title)), ...inOutline.filter((m) => later.has(m.title))];
	const tracking: (typeof measureTracking.$inferInsert)[] = [];
	const partnerRows: (typeof measureOrganisations.$inferInsert)[] = [];
	const districtRows: (typeof measureDistricts.$inferInsert)[] = [];
	const updates: (typeof measureProgressUpdates.$inferInsert)[] = [];
	for (const [index, measure] of measures.entries()) {
		const status = statusPattern[index % statusPattern.length];
		const progress = status === 'done' ? 100 : status === 'planned' ? 0 : 15 + ((index * 17) % 70);
		const startYear = 2025 + (index % 3);
		const cityWide = index % 7 === 6;
		tracking.push({
			measureId: measure.id,
			...ids,
			status,
			statusReason: reasons[status]?.[index % (reasons[status]?.length ?? 1)] ?? '',
			progress,
			weight: index % 5 === 2 ? 2 : 1,
			plannedStart: `${startYear}-0${1 + (index % 9)}-01`,
			plannedEnd: `${startYear + 2 + (index % 3)}-12-31`,
			actualStart: status === 'planned' ? null : `${startYear}-0${1 + ((index + 1) % 9)}-15`,
			actualEnd: status === 'done' ? `${Math.min(startYear + 1, now.getUTCFullYear())}-06-30` : null,
			responsibleOffice: offices[index % offices.length],
			cityWide,
			budgetEuros: index % 4 === 0 ? 20_000 + ((index * 7919) % 180_000) : null
		});
		if (organisations.length > 0) {
			const partners = [organisations[(index * 7) % organisations.length].id];
			if (index % 3 === 0) partners.push(organisations[(index * 7 + 11) % organisations.length].id);
			for (const organisationId of new Set(partners)) partnerRows.push({ municipalityId: ids.municipalityId, measureId: measure.id, organisationId });
		}
		if (!cityWide && districts.length > 0) {
			const chosen = [districts[index % districts.length].id];
			if (index % 3 === 1) chosen.push(districts[(index + 2) % districts.length].id);
			for (const districtId of new Set(chosen)) districtRows.push({ municipalityId: ids.municipalityId, measureId: measure.id, districtId });
		}
		if (status !== 'planned') {
			for (let n = 0; n < 1 + (index % 2); n++) {
				updates.push({
					municipalityId: ids.municipalityId,
					measureId: measure.id,
					writtenOn: `${Math.min(2025 + n, now.getUTCFullYear())}-${String(3 + ((index + n * 4) % 9)).padStart(2, '0')}-1${n}`,
					body: updateTexts[(index + n) % updateTexts.length],
					authorLabel: offices[index % offices.length]
				});
			}
		}
	}
	// One statement per table: the load of an empty install should stay quick however many measures there are.
	if (tracking.length > 0) await tx.insert(measureTracking).values(tracking);
	if (partnerRows.length > 0) await tx.insert(measureOrganisations).values(partnerRows);
	if (districtRows.length > 0) await tx.insert(measureDistricts).values(districtRows);
	if (updates.length > 0) await tx.insert(measureProgressUpdates).values(updates);
	return { measures, districts };
}

async function addIndicators(tx: Executor, ids: Ids, outline: OutlineField[], districts: { id: string }[], now: Date) {
	const quarters = quarterEnds(now);
	for (const [n, demo] of indicators.entries()) {
		const goal = outline[demo.field]?.goals[demo.goal];
		if (!goal) continue;
		const measure = demo.measure === undefined ? undefined : goal.measures[demo.measure];
		const indicator = await insertIndicator(tx, {
			...ids,
			goalId: measure ? null : goal.id,
			measureId: measure ? measure.id : null,
			code: slugify(demo.name),
			name: demo.name,
			definition: demo.definition,
			unit: demo.unit,
			source: 'Eigene Erhebung des Integrationsamts (Demo-Daten)',
			direction: demo.direction,
			baselineValue: demo.baseline,
			baselineDate: '2024-01-01',
			targetValue: demo.target,
			targetDate: '2030-12-31',
			frequency: 'quarterly' satisfies IndicatorFrequency
		});
		const shown = quarters.slice(0, quarters.length - (demo.missing ?? 0));
		await declareDistrictBreakdown(tx, ids.municipalityId, indicator.id);
		const at = (date: string, frequency: IndicatorFrequency) => {
			const period = periodEndingOn(date, frequency);
			return { periodKind: period.kind, periodStart: period.start, periodEnd: period.end };
		};
		const rows: PlainMeasurement[] = shown.map((measuredOn, q) => {
			const share = (demo.reached * (q + 1)) / quarters.length;
			const value = demo.baseline + (demo.target - demo.baseline) * (share + wobble(n * 31 + q) * 0.06);
			return { indicatorId: indicator.id, ...at(measuredOn, 'quarterly'), value: round(value, demo.decimals), ...(q === shown.length - 1 ? { provisional: true, sourceNote: 'vorläufiger Wert' } : { sourceNote: '' }) };
		});
		if (demo.districts) {
			// Districts report yearly at the end of the year; each starts from a different level.
			for (const [d, district] of districts.entries()) {
				for (const measuredOn of shown.filter((date) => date.endsWith('12-31'))) {
					const base = rows.find((row) => row.periodEnd === measuredOn)!.value!;
					rows.push({
						indicatorId: indicator.id,
						districtId: district.id,
						...at(measuredOn, 'yearly'),
						value: round((base * (0.7 + d * 0.1)) / (demo.unit === '%' ? 1 : districts.length), demo.decimals),
						sourceNote: ''
					});
				}
			}
		}
		await writeMeasurements(tx, ids.municipalityId, rows);
	}
}

/** Edition 1 of each demo municipality gets one tracked measure and one indicator with fixed ids. */
async function addAddressableExamples(tx: Executor, municipalitySlug: 'muenster' | 'greven', ids: Ids, goalId: string, position: number) {
	const fixed = demoMonitoringIds[municipalitySlug];
	const isMuenster = municipalitySlug === 'muenster';
	await insertMeasures(tx, [
		{
			id: fixed.measure,
			municipalityId: ids.municipalityId,
			goalId,
			position,
			title: isMuenster ? 'Integrationsmonitoring mit jährlichen Kennzahlen' : 'Willkommensmappe in fünf Sprachen',
			description: isMuenster ? 'Die Stadt berichtet dem Rat jedes Jahr anhand fester Kennzahlen.' : 'Neu Zugezogene erhalten bei der Anmeldung eine Mappe mit den wichtigsten Anlaufstellen.'
		}
	]);
	await upsertTracking(
		tx,
		{ measureId: fixed.measure, ...ids },
		isMuenster
			? { status: 'done', progress: 100, plannedStart: '2008-09-01', plannedEnd: '2010-12-31', actualStart: '2008-10-01', actualEnd: '2010-06-30', responsibleOffice: offices[0], cityWide: true }
			: { status: 'planned', progress: 0, plannedStart: '2026-09-01', plannedEnd: '2027-06-30', responsibleOffice: 'Fachbereich Soziales (Demo)', cityWide: true }
	);
	await insertIndicator(tx, {
		id: fixed.indicator,
		...ids,
		goalId,
		code: isMuenster ? 'integrationsberichte' : 'willkommensmappen',
		name: isMuenster ? 'Veröffentlichte Integrationsberichte' : 'Ausgegebene Willkommensmappen',
		unit: isMuenster ? 'Berichte' : 'Mappen',
		direction: 'higher_is_better',
		baselineValue: 0,
		baselineDate: isMuenster ? '2008-07-01' : '2026-05-01',
		targetValue: isMuenster ? 6 : 800,
		targetDate: isMuenster ? '2014-03-31' : '2030-12-31',
		frequency: isMuenster ? 'yearly' : 'quarterly'
	});
	await declareDistrictBreakdown(tx, ids.municipalityId, fixed.indicator);
	if (isMuenster) {
		await writeMeasurements(
			tx,
			ids.municipalityId,
			[2009, 2010, 2011, 2012, 2013].map((year, index) => ({
				indicatorId: fixed.indicator,
				periodKind: 'range' as const,
				periodStart: `${year}-06-30`,
				periodEnd: `${year}-06-30`,
				value: index + 1
			}))
		);
	}
}

async function editionOf(db: Executor, municipalityId: string, strategySlug: string, number: number) {
	const page = await getEditionPage({ db, municipalityId, strategySlug, number });
	return { ids: { municipalityId, editionId: page.edition.id }, outline: page.outline };
}

export async function loadDemoMonitoring(db: Database, now = new Date()): Promise<void> {
	const muenster = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const greven = await getMunicipalityBySlug({ db, slug: 'greven' });
	// No wrapping transaction: the outline reads run several queries at once, which one connection cannot.
	const fourth = await editionOf(db, muenster.id, 'migration-und-integration', 4);
	const positions = new Map<string, number>();
	await insertMeasures(
		db,
		addedMeasures.map(([field, goal, title, description]) => {
			const target = fourth.outline[field].goals[goal];
			const position = (positions.get(target.id) ?? target.measures.length) + 1;
			positions.set(target.id, position);
			return { municipalityId: muenster.id, goalId: target.id, title, description, position };
		})
	);
	const withAdded = await editionOf(db, muenster.id, 'migration-und-integration', 4);
	const { measures, districts } = await trackEdition(db, withAdded.ids, withAdded.outline, now);
	await addIndicators(db, withAdded.ids, withAdded.outline, districts, now);

	// The demo participant belongs to the partner organisation of the first measure, so they can report on it.
	const participant = await selectUserByEmail(db, 'teilnahme@example.org');
	const [firstPartner] = await selectOrganisationChoices(db, muenster.id);
	if (participant && firstPartner && measures[0]) {
		await replaceMeasureOrganisations(db, muenster.id, measures[0].id, [firstPartner.id]);
		await insertMembershipForUser(db, { municipalityId: muenster.id, userId: participant.id, name: participant.name, email: participant.email, organisationId: firstPartner.id });
	}

	const first = await editionOf(db, muenster.id, 'migration-und-integration', 1);
	const firstGoal = first.outline[0].goals[0];
	await addAddressableExamples(db, 'muenster', first.ids, firstGoal.id, firstGoal.measures.length + 1);
	const grevenFirst = await editionOf(db, greven.id, 'integrationskonzept', 1);
	const grevenGoal = grevenFirst.outline[0].goals[0];
	await addAddressableExamples(db, 'greven', grevenFirst.ids, grevenGoal.id, grevenGoal.measures.length + 1);
}
