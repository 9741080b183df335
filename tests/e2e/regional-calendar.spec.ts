import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { addDays, addMonths, demoDate, demoDay, demoMonth, monthName, written } from './demo-days';
import { checkPage, expect, signIn, test } from './fixtures';

test('the regional calendar shows the events of Münster and Greven, each with its town, and its feed parses', async ({ page, visit, request }) => {
	const month = demoMonth(written.consultation);
	await visit(`/muenster/events?month=${month}`);
	await page.getByRole('link', { name: 'Veranstaltungen in der Region Münsterland' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Veranstaltungen in der Region Münsterland' })).toBeVisible();
	await visit(`/regions/muensterland/events?month=${month}`);
	const grid = page.getByRole('table', { name: monthName(month) });
	await expect(grid.getByRole('link', { name: /Sprechstunde: Anerkennung ausländischer Berufsabschlüsse · Münster/ })).toBeVisible();
	const grevenMonth = demoMonth(written.grevenWorkshop);
	await visit(`/regions/muensterland/events?month=${grevenMonth}`);
	await expect(page.getByRole('table', { name: monthName(grevenMonth) }).getByRole('link', { name: /Werkstatt Integrationskonzept: Arbeit und Ausbildung · Greven/ })).toBeVisible();
	// A weekend seminar shows on each of its days (of which Saturday and Sunday may be in the next month).
	const seminarMonth = demoMonth(written.weekendSeminar);
	const seminarDays = [0, 1, 2].filter((days) => addDays(demoDay(written.weekendSeminar), days).startsWith(seminarMonth)).length;
	await visit(`/regions/muensterland/events?month=${seminarMonth}`);
	await expect(page.getByRole('table', { name: monthName(seminarMonth) }).getByRole('link', { name: /Wochenendseminar: Engagiert im Integrationsrat/ })).toHaveCount(seminarDays);

	await visit('/regions/muensterland/events?view=list');
	await expect(page.getByText('Veranstaltet von Initiative Miteinander Greven (Demo)')).toBeVisible();

	const response = await request.get('/regions/muensterland/events.ics');
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const summaries = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent).summary);
	expect(summaries).toContain('Sprechstunde: Anerkennung ausländischer Berufsabschlüsse (Münster)');
	expect(summaries).toContain('Werkstatt Integrationskonzept: Arbeit und Ausbildung (Greven)');
	expect(summaries).not.toContain('Lesung: Zwei Sprachen, ein Zuhause (Münster)');
});

async function submitEvent(page: Page, title: string) {
	await page.getByLabel('Name der Veranstaltenden (Verein, Initiative, Person)').fill('Chor der Nationen (Test)');
	await page.getByLabel('E-Mail-Adresse für Rückfragen').fill('chor@example.org');
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByLabel('Beschreibung', { exact: true }).fill('Wir singen Lieder aus aller Welt.');
	await page.getByLabel('Beginn', { exact: true }).fill(demoDate(`${written.quietSaturday}T18:00`));
	await page.getByLabel('Ende', { exact: true }).fill(demoDate(`${written.quietSaturday}T20:00`));
	await page.getByLabel('Ort', { exact: true }).fill('Pfarrsaal St. Ludgeri');
	await page.getByRole('button', { name: 'Veranstaltung melden' }).click();
}

test('a visitor submits an event, an admin publishes it, and it appears in the calendar marked with its organiser', async ({ page, visit, browser }) => {
	await visit('/muenster/events');
	await page.getByRole('link', { name: 'Eigene Veranstaltung melden' }).click();
	await checkPage(page);
	// Bad input comes back with the fields kept and nothing stored.
	await page.getByLabel('Titel', { exact: true }).fill('Halbfertig');
	await page.getByRole('button', { name: 'Veranstaltung melden' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue('Halbfertig');
	await checkPage(page);
	await submitEvent(page, 'Konzert: Stimmen aus aller Welt');
	await expect(page.getByText(/Vielen Dank! Ihre Veranstaltung ist eingegangen/)).toBeVisible();
	await checkPage(page);

	await visit(`/muenster/events?day=${demoDay(written.quietSaturday)}`);
	await expect(page.getByRole('link', { name: 'Konzert: Stimmen aus aller Welt' })).toHaveCount(0);

	const admin = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
	await signIn(admin, 'admin@muenster.example.org', 'demo-admin-muenster');
	await admin.goto('/admin/muenster/events');
	await checkPage(admin);
	const review = admin.getByRole('region', { name: 'Gemeldet, zu prüfen' });
	await expect(review.getByRole('heading', { name: 'Lesung: Zwei Sprachen, ein Zuhause' })).toBeVisible();
	// Both times, so that the reviewer sees the length the organiser gave.
	const concert = review.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'Konzert: Stimmen aus aller Welt' }) });
	await expect(concert).toContainText('18:00–20:00 Uhr, Pfarrsaal St. Ludgeri');
	await review.getByRole('button', { name: '„Konzert: Stimmen aus aller Welt“ veröffentlichen' }).click();
	await expect(admin.getByText('„Konzert: Stimmen aus aller Welt“ steht jetzt im Kalender.')).toBeVisible();
	await checkPage(admin);
	await admin.context().close();

	await visit(`/muenster/events?day=${demoDay(written.quietSaturday)}`);
	await page.getByRole('link', { name: 'Konzert: Stimmen aus aller Welt' }).click();
	await checkPage(page);
	await expect(page.getByText('Veranstaltet von Chor der Nationen (Test)')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Verbindlich anmelden' })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the regional calendar reads and a submission goes through', async ({ page, visit }) => {
		const month = demoMonth(written.consultation);
		await visit(`/regions/muensterland/events?month=${month}`);
		await page.getByRole('link', { name: new RegExp(`Nächster Monat: ${monthName(addMonths(month, 1))}`) }).click();
		await expect(page.getByRole('table', { name: monthName(addMonths(month, 1)) })).toBeVisible();
		await checkPage(page, { javaScript: false });
		await visit('/muenster/events/submit');
		await submitEvent(page, 'Chorprobe offen für alle');
		await expect(page.getByText(/Vielen Dank! Ihre Veranstaltung ist eingegangen/)).toBeVisible();
	});
});
