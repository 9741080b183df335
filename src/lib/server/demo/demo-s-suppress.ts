// Demo of disclosure control on Münster's monitor (4th edition): one district value entered as
// confidential, one small count that the monitor withholds by itself, and one series break where the
// counting method changed.
import type { Database } from '../db/client';
import { selectCellsByIndicatorCode, updateCell } from '../monitoring/disclosure.queries';
import { slugify } from '../shared/slug';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';

export async function loadDemoDisclosure(db: Database): Promise<void> {
	const muenster = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const visits = await selectCellsByIndicatorCode(db, muenster.id, slugify('Besuche in Begegnungsorten'));
	const forum = await selectCellsByIndicatorCode(db, muenster.id, slugify('Teilnehmende am Jugendforum Vielfalt'));
	const districtCells = (cells: typeof visits) => {
		const newestYear = cells.find((cell) => cell.periodKind === 'year')?.periodEnd;
		return cells.filter((cell) => cell.periodKind === 'year' && cell.periodEnd === newestYear && !cell.seriesKey.endsWith('=total'));
	};
	const confidential = districtCells(visits).at(-1);
	const small = districtCells(forum).at(0);
	const cityQuarters = visits.filter((cell) => cell.periodKind === 'quarter' && cell.seriesKey.endsWith('=total'));
	// The break sits a year back, so that values on both sides of it are shown.
	const broken = cityQuarters.at(4);
	await db.transaction(async (tx) => {
		if (confidential) await updateCell(tx, muenster.id, confidential.id, { suppressed: true, sourceNote: 'Angabe des Trägers vertraulich' });
		if (small) await updateCell(tx, muenster.id, small.id, { value: 3, sourceNote: 'Kleine Gruppe im Stadtteil' });
		if (broken) await updateCell(tx, muenster.id, broken.id, { seriesBreak: true, sourceNote: 'Ab diesem Quartal werden Besuche digital gezählt.' });
	});
}
