// Demo of comparing municipalities: Greven also runs a small, adopted programme that measures the
// waiting time for an appointment at the citizens' office, the same indicator (same code) as
// Münster's 4th edition, so Münster's indicator page offers Greven for comparison.
import type { Database } from '../db/client';
import { insertEdition, insertField, insertGoal, insertStrategy } from '../document/document.admin.queries';
import { selectCityTotals, selectIndicatorsByCode } from '../monitoring/exchange.queries';
import { writeMeasurements } from '../monitoring/measurement.service';
import { insertIndicator } from '../monitoring/monitor.queries';
import { slugify } from '../shared/slug';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';

export const demoSharedIndicatorCode = slugify('Wartezeit auf einen Termin im Bürgerbüro');

export async function loadDemoExchange(db: Database): Promise<void> {
	const muenster = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const greven = await getMunicipalityBySlug({ db, slug: 'greven' });
	const [muensterIndicator] = await selectIndicatorsByCode(db, muenster.id, demoSharedIndicatorCode);
	if (!muensterIndicator) return;
	const periods = (await selectCityTotals(db, { municipalityId: muenster.id, indicatorId: muensterIndicator.id, limit: 12 })).reverse();
	await db.transaction(async (tx) => {
		const strategy = await insertStrategy(tx, {
			municipalityId: greven.id,
			slug: 'buergerservice',
			title: 'Handlungsprogramm Bürgerservice',
			summary: 'Ein kleines Programm der Stadt für kürzere Wege und Wartezeiten in der Verwaltung.',
			position: 2
		});
		const edition = await insertEdition(tx, {
			municipalityId: greven.id,
			strategyId: strategy.id,
			number: 1,
			periodStart: 2024,
			periodEnd: 2028,
			stage: 'implementing',
			summary: 'Vom Rat 2024 beschlossen; die Verwaltung berichtet vierteljährlich.',
			contactPointId: null
		});
		const field = await insertField(tx, { municipalityId: greven.id, editionId: edition.id, isFocus: false, position: 1, title: 'Erreichbare Verwaltung', description: '' });
		const goal = await insertGoal(tx, { municipalityId: greven.id, fieldId: field.id, position: 1, title: 'Termine im Bürgerbüro sind schnell zu bekommen', description: '' });
		const indicator = await insertIndicator(tx, {
			municipalityId: greven.id,
			editionId: edition.id,
			goalId: goal.id,
			code: demoSharedIndicatorCode,
			name: 'Wartezeit auf einen Termin im Bürgerbüro',
			definition: 'Mittlere Zahl der Tage bis zum nächsten freien Termin.',
			unit: 'Tage',
			source: 'Terminverwaltung des Bürgerbüros (Demo-Daten)',
			direction: 'lower_is_better',
			baselineValue: 12,
			baselineDate: '2024-01-01',
			targetValue: 5,
			targetDate: '2028-12-31',
			frequency: 'quarterly'
		});
		// A smaller town with shorter waits that fall steadily: a visible contrast to Münster's series.
		await writeMeasurements(
			tx,
			greven.id,
			periods.map((period, index) => ({
				indicatorId: indicator.id,
				periodKind: period.periodKind,
				periodStart: period.periodStart,
				periodEnd: period.periodEnd,
				value: Math.round((12 - index * 0.6) * 10) / 10
			}))
		);
	});
}
