// The facilitators' to-do list of the monitor: which indicators of the editions in use are out of date,
// and which sources publish new figures soon. Staff of the municipality only.
import type { Executor } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { judgeStaleness, type Staleness } from './staleness';
import { selectIndicatorsOfMunicipality, selectNewestValues, selectReleaseCalendars, selectSourcesReleasingBy } from './staleness.queries';

/** How far ahead the to-do list looks for announced releases. */
export const RELEASES_AHEAD_DAYS = 14;

const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type TodoEdition = { editionId: string; strategySlug: string; strategyTitle: string; number: number; indicators: { id: string; name: string; staleness: Staleness }[] };

export async function getMonitorTodo({ db, actor, municipalityId, today }: { db: Executor; actor: Actor | null; municipalityId: string; today: string }) {
	requireRole(actor, municipalityId, ['admin', 'facilitator']);
	const indicatorRows = await selectIndicatorsOfMunicipality(db, municipalityId);
	const sourceIds = [...new Set(indicatorRows.flatMap((row) => (row.sourceId ? [row.sourceId] : [])))];
	const [newest, calendars, releases] = await Promise.all([
		selectNewestValues(db, municipalityId, indicatorRows.map((row) => row.id)),
		selectReleaseCalendars(db, municipalityId, sourceIds),
		selectSourcesReleasingBy(db, municipalityId, today, addDays(today, RELEASES_AHEAD_DAYS))
	]);
	const newestOf = new Map(newest.map((row) => [row.indicatorId, row]));
	const calendarOf = new Map(calendars.map((row) => [row.id, row]));
	const editions = new Map<string, TodoEdition>();
	for (const row of indicatorRows) {
		const staleness = judgeStaleness({
			indicatorFrequency: row.frequency,
			baselineDate: row.baselineDate,
			newest: newestOf.get(row.id) ?? null,
			source: (row.sourceId && calendarOf.get(row.sourceId)) || null,
			today
		});
		if (!staleness.stale) continue;
		const edition = editions.get(row.editionId) ?? { editionId: row.editionId, strategySlug: row.strategySlug, strategyTitle: row.strategyTitle, number: row.editionNumber, indicators: [] };
		edition.indicators.push({ id: row.id, name: row.name, staleness });
		editions.set(row.editionId, edition);
	}
	return { staleByEdition: [...editions.values()], releases, releasesAheadDays: RELEASES_AHEAD_DAYS };
}
