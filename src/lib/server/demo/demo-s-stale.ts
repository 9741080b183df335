// Demo of release calendars on Münster's monitor (4th edition): the state statistics office announces
// its next release of recognition figures in nine days (it shows on the facilitators' to-do list), the
// citizens' survey in half a year. Dates count from the day the demo is loaded, so the list stays alive.
import type { Database } from '../db/client';
import { insertSourceUnlessKeyExists, setSourceOfIndicatorsWithoutOne } from '../monitoring/staleness.queries';
import { slugify } from '../shared/slug';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';

const dayOffset = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export async function loadDemoReleaseCalendars(db: Database, now = new Date()): Promise<void> {
	const muenster = await getMunicipalityBySlug({ db, slug: 'muenster' });
	await db.transaction(async (tx) => {
		const statistics = await insertSourceUnlessKeyExists(tx, {
			municipalityId: muenster.id,
			key: 'demo-landesstatistik-anerkennung',
			publisher: 'Statistisches Landesamt (Demo)',
			dataset: 'Anerkennungsverfahren nach Berufen und Kreisen',
			method: 'Vollerhebung der Bescheide der zuständigen Stellen',
			licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
			frequency: 'quarterly',
			lastReleaseOn: dayOffset(now, -81),
			nextReleaseOn: dayOffset(now, 9)
		});
		const survey = await insertSourceUnlessKeyExists(tx, {
			municipalityId: muenster.id,
			key: 'demo-buergerumfrage',
			publisher: 'Stadt Münster, Amt für Stadtforschung (Demo)',
			dataset: 'Bürgerumfrage Zusammenleben',
			method: 'Schriftliche und Online-Befragung einer Zufallsstichprobe',
			frequency: 'yearly',
			lastReleaseOn: dayOffset(now, -180),
			nextReleaseOn: dayOffset(now, 185)
		});
		await setSourceOfIndicatorsWithoutOne(tx, muenster.id, ['Dauer der Anerkennungsverfahren', 'Anerkannte ausländische Berufsabschlüsse'].map(slugify), statistics);
		await setSourceOfIndicatorsWithoutOne(tx, muenster.id, [slugify('Sitze in Beiräten mit Menschen internationaler Geschichte')], survey);
	});
}
