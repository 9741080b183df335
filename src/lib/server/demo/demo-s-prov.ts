// Demo of provenance on Münster's monitor: a registry of three sources with release calendars, every
// series naming one, and on the first edition's fixed indicator values from a CSV import, one value
// from another source and one typed in by the process facilitators. The release days are written for a
// demo loaded in late November 2026.
import type { Database } from '../db/client';
import { selectSeriesKeysOfIndicator } from '../monitoring/chart-series.queries';
import { selectMeasurementsOfIndicator } from '../monitoring/monitor.queries';
import { insertImportBatch, insertSource, updateIndicatorSourceId, updateIndicatorsWithoutSource, updateProvenanceOfMeasurements } from '../monitoring/provenance.queries';
import { selectUserByEmail } from '../people/people.queries';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { comingDay } from './demo-coming-days';
import { demoMonitoringIds } from './demo-monitoring-ids';
import { demoSourceIds } from './demo-s-prov-ids';

/** `comingWeeks`: how far the release calendars move with the load day, as the coming events do (demo-coming-days.ts). */
export async function loadDemoProvenance(db: Database, comingWeeks: number): Promise<void> {
	const greven = await getMunicipalityBySlug({ db, slug: 'greven' });
	await db.transaction(async (tx) => {
		const office = await insertSource(tx, greven.id, {
			id: demoSourceIds.greven,
			key: 'integrationsbuero-greven',
			publisher: 'Integrationsbüro der Stadt Greven (Demo)',
			dataset: 'Jahresstatistik des Integrationsbüros',
			method: 'Zählung der Beratungen und Kursplätze zum Jahresende.',
			licence: 'dl-de-zero-2.0',
			url: '',
			frequency: 'yearly',
			lastReleaseOn: comingDay('2026-02-02', comingWeeks),
			nextReleaseOn: comingDay('2027-02-01', comingWeeks)
		});
		await updateIndicatorsWithoutSource(tx, greven.id, office.id);
	});
	const muenster = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const [admin, facilitator] = await Promise.all([selectUserByEmail(db, 'admin@muenster.example.org'), selectUserByEmail(db, 'moderation@muenster.example.org')]);
	const fixedIndicator = demoMonitoringIds.muenster.indicator;
	const { rows } = await selectMeasurementsOfIndicator(db, muenster.id, fixedIndicator, await selectSeriesKeysOfIndicator(db, muenster.id, fixedIndicator));
	const cityValues = rows.filter((row) => row.districtId === null);
	await db.transaction(async (tx) => {
		const statistics = await insertSource(tx, muenster.id, {
			id: demoSourceIds.muenster,
			key: 'statistik-muenster',
			publisher: 'Statistikstelle der Stadt Münster (Demo)',
			dataset: 'Kommunale Integrationsstatistik',
			method: 'Auszählung des Melderegisters zum Stichtag 31. Dezember; gezählt werden Personen mit Hauptwohnsitz in Münster.',
			licence: 'dl-de-by-2.0',
			url: 'https://statistik.muenster.example.org/integration',
			frequency: 'yearly',
			lastReleaseOn: comingDay('2026-03-16', comingWeeks),
			nextReleaseOn: comingDay('2027-03-15', comingWeeks)
		});
		await updateIndicatorSourceId(tx, muenster.id, fixedIndicator, statistics.id);
		const office = await insertSource(tx, muenster.id, {
			key: 'integrationsamt-zaehlung',
			publisher: 'Amt für Integration der Stadt Münster (Demo)',
			dataset: 'Zählung in Beratungsstellen und Begegnungsorten',
			method: 'Die Einrichtungen melden ihre Zahlen zum Ende jedes Quartals; das Amt prüft sie auf Doppelzählungen.',
			licence: 'cc-by-4.0',
			url: '',
			frequency: 'quarterly',
			lastReleaseOn: comingDay('2026-10-15', comingWeeks),
			nextReleaseOn: comingDay('2027-01-15', comingWeeks)
		});
		const survey = await insertSource(tx, muenster.id, {
			key: 'befragung-teilhabe',
			publisher: 'Institut für Sozialforschung Münsterland (Demo)',
			dataset: 'Befragung zur Teilhabe in der Stadtgesellschaft',
			method: 'Schriftliche und mehrsprachige Online-Befragung einer Zufallsstichprobe aus dem Melderegister.',
			licence: 'Nutzung mit Quellenangabe',
			url: 'https://sozialforschung.example.org/teilhabe',
			frequency: null,
			lastReleaseOn: '2025-11-03',
			nextReleaseOn: null
		});
		await updateIndicatorsWithoutSource(tx, muenster.id, office.id);
		const batch = await insertImportBatch(tx, {
			municipalityId: muenster.id,
			startedBy: admin?.id ?? null,
			fileName: 'integrationsstatistik-2008-2013.csv',
			rowsImported: rows.length
		});
		const newest = cityValues.at(-1);
		const older = rows.filter((row) => row.id !== newest?.id).map((row) => row.id);
		await updateProvenanceOfMeasurements(tx, muenster.id, older, { importBatchId: batch.id });
		const fromSurvey = cityValues.at(-2);
		if (fromSurvey) await updateProvenanceOfMeasurements(tx, muenster.id, [fromSurvey.id], { sourceId: survey.id });
		if (newest) await updateProvenanceOfMeasurements(tx, muenster.id, [newest.id], { enteredBy: facilitator?.id ?? null });
	});
}
