// Demo of snapshots on Münster's monitor (4th edition): the values frozen at the council's adoption,
// one earlier value corrected afterwards, the annual report of last year published, and then one of
// that year's values corrected, so that the indicator page tells the revision and the two snapshots
// differ by the first correction.
import type { Database } from '../db/client';
import { updateCell } from '../monitoring/disclosure.queries';
import { selectEditionForSnapshots, selectEditionIndicators, selectSnapshotCells } from '../monitoring/snapshot.queries';
import { takeAdoptionSnapshot, takeSnapshot } from '../monitoring/snapshot.service';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';

const ADOPTED_ON = '2025-02-26';

export async function loadDemoSnapshots(db: Database, now = new Date()): Promise<void> {
	const muenster = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const edition = await selectEditionForSnapshots(db, muenster.id, 'migration-und-integration', 4);
	if (!edition) return;
	const reportYear = now.getUTCFullYear() - 1;
	if (reportYear < edition.periodStart) return;
	const indicatorList = await selectEditionIndicators(db, muenster.id, edition.id);
	const named = (name: string) => indicatorList.find((indicator) => indicator.name === name);
	const waiting = named('Wartezeit auf einen Termin im Bürgerbüro');
	const trainees = named('Auszubildende mit internationaler Geschichte in der Stadtverwaltung');
	if (!waiting || !trainees) return;
	// Published in spring, once the year's figures are in; never in the future of the demo's clock.
	const publishedAt = new Date(Math.min(Date.UTC(reportYear + 1, 2, 16, 9), now.getTime() - 60_000));

	const adoption = await db.transaction((tx) =>
		takeAdoptionSnapshot(tx, { municipalityId: muenster.id, editionId: edition.id, decidedOn: ADOPTED_ON, takenBy: null, takenAt: new Date(`${ADOPTED_ON}T11:00:00Z`) })
	);
	const cityValue = async (snapshotId: string, indicatorId: string, year: number) =>
		(await selectSnapshotCells(db, muenster.id, snapshotId, [indicatorId])).find(
			(cell) => cell.periodEnd.startsWith(String(year)) && cell.value !== null && !cell.suppressed && cell.seriesKey.split(',').every((pair) => pair === '' || pair.endsWith('=total'))
		);
	const earlier = await cityValue(adoption.id, waiting.id, reportYear - 1);
	if (earlier?.value != null)
		await db.transaction((tx) => updateCell(tx, muenster.id, earlier.id, { value: earlier.value! + 2, sourceNote: 'Nachträglich berichtigt: Termine der Außenstelle fehlten.' }));

	const report = await db.transaction((tx) =>
		takeSnapshot(tx, { municipalityId: muenster.id, editionId: edition.id, kind: 'annual_report', year: reportYear, label: publishedAt.toISOString().slice(0, 10), takenBy: null, takenAt: publishedAt })
	);
	const corrected = await cityValue(report.id, trainees.id, reportYear);
	if (corrected?.value != null)
		await db.transaction((tx) =>
			updateCell(tx, muenster.id, corrected.id, { value: Math.round((corrected.value! + 0.6) * 10) / 10, sourceNote: 'Berichtigt nach Abgleich mit der Personalstatistik.' })
		);
}
