// Provenance of the monitor: which source a series and each of its values come from, and how a value
// got in. Public output names an import by its day and file and a manual entry by a role, never by a person.
import type { Executor } from '../db/client';
import type { Role } from '../people/people.schema';
import { describeLicence } from '$lib/licences';
import { selectProvenanceOfMeasurements, selectSource, selectSourcesOfMunicipality, type IndicatorSource } from './provenance.queries';

export type PublicSource = {
	key: string;
	publisher: string;
	dataset: string;
	method: string;
	licence: { label: string; url: string | null } | null;
	url: string;
	frequency: IndicatorSource['frequency'];
	lastReleaseOn: string | null;
	nextReleaseOn: string | null;
};

/**
 * How a value got into the monitor, as far as the public may know it. An import is named by its day
 * and file name (the file is the municipality's published material, the account that ran it is not);
 * a manual entry by the role the account holds in the municipality — an office function, not a person —
 * and by the day of the entry. The role is the one held now, which is what the municipality answers for.
 */
export type ValueOrigin = { kind: 'import'; on: string; fileName: string } | { kind: 'manual'; on: string; role: Role | null };

export type ValueProvenance = { sourceMarker: string | null; origin: ValueOrigin | null };

export type IndicatorProvenance = {
	/** The series' registered source; null when the indicator names none (it may still carry a free-text `source`). */
	series: PublicSource | null;
	/** Sources of values that differ from the series' source, in the order of their markers. */
	otherSources: (PublicSource & { marker: string })[];
	values: Record<string, ValueProvenance>;
};

export function publicSource(source: Pick<IndicatorSource, 'key' | 'publisher' | 'dataset' | 'method' | 'licence' | 'url'> & Partial<IndicatorSource>): PublicSource {
	return {
		key: source.key,
		publisher: source.publisher,
		dataset: source.dataset,
		method: source.method,
		licence: source.licence.trim() === '' ? null : describeLicence(source.licence),
		url: source.url,
		frequency: source.frequency ?? null,
		lastReleaseOn: source.lastReleaseOn ?? null,
		nextReleaseOn: source.nextReleaseOn ?? null
	};
}

// A file name is shown as uploaded, but one that carries an e-mail address (an export named after its
// sender, say) would publish that address: such names are left out, the import day still shows.
const EMAIL_LIKE = /[^\s@]+@[^\s@]+/;
const MAX_FILE_NAME = 120;
export function publicFileName(fileName: string): string {
	const base = fileName.split(/[\\/]/).at(-1)?.trim() ?? '';
	if (EMAIL_LIKE.test(base)) return '';
	return base.length > MAX_FILE_NAME ? `${base.slice(0, MAX_FILE_NAME - 1)}…` : base;
}

// Markers are letters so they never read like the numbered flag footnotes beside them.
const markerAt = (index: number) => (index < 26 ? String.fromCharCode(65 + index) : `Z${index - 25}`);

/**
 * The provenance of one indicator's series and of the values a page shows, read in two bounded
 * queries however many values there are (the page shows at most MAX_SHOWN_MEASUREMENTS).
 */
export async function loadIndicatorProvenance({
	db,
	municipalityId,
	indicator,
	measurementIds
}: {
	db: Executor;
	municipalityId: string;
	indicator: { sourceId: string | null };
	measurementIds: string[];
}): Promise<IndicatorProvenance> {
	const seriesRow = indicator.sourceId ? await selectSource(db, municipalityId, indicator.sourceId) : undefined;
	const rows = await selectProvenanceOfMeasurements(db, municipalityId, measurementIds);
	const otherSources: IndicatorProvenance['otherSources'] = [];
	const markerOf = new Map<string, string>();
	const values: Record<string, ValueProvenance> = {};
	const byId = new Map(rows.map((row) => [row.measurementId, row]));
	// Markers follow the order of the values on the page, so A is the first one a reader meets.
	for (const id of measurementIds) {
		const row = byId.get(id);
		if (!row) continue;
		let sourceMarker: string | null = null;
		if (row.source && row.source.id !== seriesRow?.id) {
			sourceMarker = markerOf.get(row.source.id) ?? null;
			if (!sourceMarker) {
				sourceMarker = markerAt(otherSources.length);
				markerOf.set(row.source.id, sourceMarker);
				otherSources.push({ ...publicSource(row.source), marker: sourceMarker });
			}
		}
		const origin: ValueOrigin | null = row.importedOn
			? { kind: 'import', on: row.importedOn, fileName: publicFileName(row.importFileName ?? '') }
			: row.enteredManually
				? { kind: 'manual', on: row.enteredOn, role: row.entererRole }
				: null;
		values[id] = { sourceMarker, origin };
	}
	return { series: seriesRow ? publicSource(seriesRow) : null, otherSources, values };
}

/** The registry as the open data publishes it: every source with its licence's address when it is a known one. */
export async function listPublicSources({ db, municipalityId }: { db: Executor; municipalityId: string }) {
	const rows = await selectSourcesOfMunicipality(db, municipalityId);
	return rows.map((row) => ({
		id: row.id,
		key: row.key,
		publisher: row.publisher,
		dataset: row.dataset,
		method: row.method,
		licence: row.licence,
		licenceUrl: row.licence.trim() === '' ? null : describeLicence(row.licence).url,
		url: row.url,
		frequency: row.frequency,
		lastReleaseOn: row.lastReleaseOn,
		nextReleaseOn: row.nextReleaseOn
	}));
}
