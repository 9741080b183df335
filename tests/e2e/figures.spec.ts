import { checkPage, expect, signIn, test } from './fixtures';
import type { Page } from '@playwright/test';

const muensterEdition = '/muenster/strategies/migration-und-integration/editions/4';
const muensterFiguresAdmin = '/admin/muenster/strategies/migration-und-integration/editions/4/figures';
const grevenEdition = '/greven/strategies/integrationskonzept/editions/1';

/** The key numbers exactly as the edition page shows them (German digit grouping removed). */
async function readFigures(page: Page) {
	const figure = async (label: string) => {
		const text = await page.locator('.figures__item', { has: page.getByRole('term').filter({ hasText: label }) }).locator('.figures__number').innerText();
		return Number(text.replace(/\D/g, ''));
	};
	return {
		people: await figure('Menschen haben sich beteiligt'),
		organisations: await figure('Organisationen waren vertreten'),
		events: await figure('Veranstaltungen und Fachgruppensitzungen'),
		ideas: await figure('Ideen'),
		comments: await figure('Kommentare')
	};
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('the demo edition shows its figures; an offline count appears apart and never changes the number of people', async ({ page, visit }) => {
			await visit(muensterEdition);
			await expect(page.getByRole('heading', { level: 2, name: 'Beteiligung in Zahlen' })).toBeVisible();
			const before = await readFigures(page);
			expect(before.people).toBeGreaterThanOrEqual(400);
			expect(before.organisations).toBeGreaterThanOrEqual(90);
			expect(before.events).toBe(17);
			expect(before.ideas).toBeGreaterThanOrEqual(300);
			await expect(page.getByRole('figure', { name: 'Vertretene Organisationen nach Bereich' }).getByRole('listitem')).toHaveCount(8);
			await expect(page.getByRole('figure', { name: 'Ideen und Veranstaltungen nach Handlungsfeld' }).getByText('Wirtschaft und Arbeit')).toBeVisible();
			await expect(page.getByText('Außerhalb des Systems gezählt')).toHaveCount(0);

			await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
			await visit(muensterFiguresAdmin);
			const label = `Papierlisten der Stadtteilwerkstätten (${javaScriptEnabled ? 'mit' : 'ohne'} Skript)`;
			await page.getByLabel('Bezeichnung (öffentlich sichtbar)').fill(label);
			await page.getByLabel('Anzahl Menschen').fill('viele');
			await page.getByLabel('Stand der Zählung (Datum)').fill('2024-03-15');
			await page.getByRole('button', { name: 'Offline-Zählung hinzufügen' }).click();
			await expect(page.locator('.field-error').getByText('Bitte eine ganze Zahl ab 1 angeben.')).toBeVisible();
			await expect(page.getByLabel('Bezeichnung (öffentlich sichtbar)')).toHaveValue(label);
			await checkPage(page, { javaScript: javaScriptEnabled });
			await expect(page.getByText('Noch keine Offline-Zählungen.')).toBeVisible();

			await page.getByLabel('Anzahl Menschen').fill('120');
			await page.getByRole('button', { name: 'Offline-Zählung hinzufügen' }).click();
			await expect(page.getByRole('status')).toHaveText('Gespeichert.');
			await checkPage(page, { javaScript: javaScriptEnabled });

			await page.context().clearCookies();
			await visit(muensterEdition);
			const after = await readFigures(page);
			expect(after).toEqual(before);
			await expect(page.getByText('Dazu kommen 120 Menschen, die nicht im System erfasst sind.')).toBeVisible();
			await expect(page.getByRole('listitem').filter({ hasText: label })).toContainText('120 Menschen, Stand 15. März 2024');

			await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
			await visit(muensterFiguresAdmin);
			await page.getByRole('button', { name: `„${label}“ löschen` }).click();
			await expect(page.getByRole('status')).toHaveText('Gespeichert.');
			await page.context().clearCookies();
			await visit(muensterEdition);
			await expect(page.getByText('Außerhalb des Systems gezählt')).toHaveCount(0);
		});

		test('a participant’s ideas raise the count of ideas; the participant is counted once however many they submit', async ({ page, visit }) => {
			const mode = javaScriptEnabled ? 'mit' : 'ohne';
			await visit(grevenEdition);
			const before = await readFigures(page);

			await signIn(page, 'teilnahme@example.org', 'demo-participant');
			const counts = [];
			for (const title of [`Nähstube im Bürgerhaus (${mode} Skript)`, `Schachtreff für Jung und Alt (${mode} Skript)`]) {
				await visit(`${grevenEdition}/ideas/new`);
				await page.getByLabel('Titel').fill(title);
				await page.getByLabel('Beschreibung').fill('Ein Ort, an dem man ohne Anmeldung vorbeikommen kann.');
				await page.getByLabel('Handlungsfeld').selectOption({ label: 'Ankommen und Orientierung' });
				await page.getByRole('button', { name: 'Idee einreichen' }).click();
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
				await checkPage(page, { javaScript: javaScriptEnabled });
				await visit(grevenEdition);
				counts.push(await readFigures(page));
			}
			const [afterFirst, afterSecond] = counts;
			expect(afterFirst.ideas).toBe(before.ideas + 1);
			expect(afterSecond.ideas).toBe(before.ideas + 2);
			// Another story may already have made the demo participant take part in Greven; then the first
			// idea adds no one. Either way the second idea never counts the same person again.
			expect([before.people, before.people + 1]).toContain(afterFirst.people);
			expect(afterSecond.people).toBe(afterFirst.people);
		});
	});
}
