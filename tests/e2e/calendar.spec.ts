import ICAL from 'ical.js';
import { addDays, addMonths, dayName, demoDay, demoMonth, monthName, weekColumn, written } from './demo-days';
import { checkPage, expect, signIn, test } from './fixtures';

// The month of the consultation hour, and the month of the story café with the one before it.
const month = demoMonth(written.consultation);
const storyCafeMonth = demoMonth(written.storyCafe);
const monthBefore = addMonths(storyCafeMonth, -1);

test('the month grid starts on Monday in German and lists the events of each day', async ({ page, visit }) => {
	await visit(`/muenster/events?month=${month}`);
	const grid = page.getByRole('table', { name: monthName(month) });
	await expect(grid).toBeVisible();
	const headers = grid.getByRole('columnheader');
	await expect(headers).toHaveCount(7);
	await expect(headers.first()).toHaveText(/Montag/);
	await expect(headers.last()).toHaveText(/Sonntag/);
	// The first of the month sits in its weekday's column of the first week.
	await expect(grid.getByRole('row').nth(1).getByRole('cell').nth(weekColumn(`${month}-01`, 1))).toContainText('1');
	await expect(grid.getByRole('link', { name: /Sprechstunde: Anerkennung ausländischer Berufsabschlüsse/ })).toBeVisible();

	// The weekend seminar starts on Friday at 16:00 and continues on Saturday and Sunday without a start time;
	// it may lie in the next month, and its weekend may already belong to the month after it.
	const seminarMonth = demoMonth(written.weekendSeminar);
	const continuing = [1, 2].filter((days) => addDays(demoDay(written.weekendSeminar), days).startsWith(seminarMonth)).length;
	if (seminarMonth !== month) await page.goto(`/muenster/events?month=${seminarMonth}`);
	const seminarGrid = page.getByRole('table', { name: monthName(seminarMonth) });
	await expect(seminarGrid.getByRole('link', { name: '16:00 Wochenendseminar: Engagiert im Integrationsrat' })).toHaveCount(1);
	await expect(seminarGrid.getByRole('link', { name: 'Fortsetzung: Wochenendseminar: Engagiert im Integrationsrat' })).toHaveCount(continuing);

	if (seminarMonth !== month) await page.goto(`/muenster/events?month=${month}`);
	await grid.getByRole('link', { name: dayName(demoDay(written.consultation)) }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 2, name: dayName(demoDay(written.consultation)) })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sprechstunde: Anerkennung ausländischer Berufsabschlüsse' })).toBeVisible();
});

test('a busy day lists three events in the month grid and links to the day with all six', async ({ page, visit }) => {
	const busyMonth = demoMonth(written.busySaturday);
	await visit(`/muenster/events?month=${busyMonth}`);
	const grid = page.getByRole('table', { name: monthName(busyMonth) });
	const more = grid.getByRole('link', { name: `+3 weitere (alle Veranstaltungen am ${dayName(demoDay(written.busySaturday))})` });
	await expect(more).toBeVisible();
	await expect(grid.getByRole('link', { name: /Tag der offenen Vereine: Eröffnung/ })).toBeVisible();
	await expect(grid.getByRole('link', { name: /Abschlusskonzert/ })).toHaveCount(0);
	await more.click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 2, name: dayName(demoDay(written.busySaturday)) })).toBeVisible();
	for (const title of ['Tag der offenen Vereine: Eröffnung', 'Märchenstunde in fünf Sprachen', 'Abschlusskonzert: Musik der Nachbarschaften']) {
		await expect(page.getByRole('link', { name: title })).toBeVisible();
	}
});

test('the month grid reads in English with the week still starting on Monday', async ({ page, visit }) => {
	await visit(`/en/muenster/events?month=${month}`);
	const grid = page.getByRole('table', { name: monthName(month, 'en') });
	await expect(grid.getByRole('columnheader').first()).toHaveText(/Monday/);
});

// visit() checks the language of parts: an entry's time and hidden labels are Arabic, its title and town German.
test('the month grid reads in Arabic with only the titles and towns marked as German', async ({ page, visit }) => {
	await visit(`/ar/muenster/events?month=${month}`);
	const entry = page.locator('.calendar-day__events a', { hasText: 'Sprechstunde: Anerkennung ausländischer Berufsabschlüsse' });
	await expect(entry).not.toHaveAttribute('lang');
	await expect(entry.locator('.calendar-entry__time')).toHaveText(/[٠-٩0-9]{1,2}:[٠-٩0-9]{2}\s?م/);
	await visit(`/ar/regions/muensterland/events?month=${demoMonth(written.grevenWorkshop)}`);
	await expect(page.locator('.calendar-entry__town [lang="de"]', { hasText: 'Greven' }).first()).toBeVisible();
});

test('keyboard only: Tab to the next month, Enter, and on to a day of that month', async ({ page, visit }) => {
	await visit(`/muenster/events?month=${monthBefore}`);
	const next = page.getByRole('link', { name: new RegExp(`Nächster Monat: ${monthName(storyCafeMonth)}`) });
	for (let i = 0; i < 40 && !(await next.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
	await expect(next).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`month=${storyCafeMonth}`));
	await expect(page.getByRole('table', { name: monthName(storyCafeMonth) })).toBeVisible();
	await checkPage(page);
	// Focus starts at the calendar, so the next Tab stops are its month links and then its days.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: new RegExp(`Vorheriger Monat: ${monthName(monthBefore)}`) })).toBeFocused();
	const day = page.getByRole('link', { name: dayName(demoDay(written.storyCafe)) });
	// Before it come the days with events earlier in the month, each with its own links.
	for (let i = 0; i < 40 && !(await day.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
	await expect(day).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`day=${demoDay(written.storyCafe)}`));
	await expect(page.getByRole('link', { name: 'Erzählcafé: Angekommen in Münster' })).toBeVisible();
});

test('the .ics link downloads a calendar that parses, with the events of the municipality', async ({ page, visit, request }) => {
	await visit(`/muenster/events?month=${month}`);
	const link = page.getByRole('link', { name: 'Kalender abonnieren (iCal)' });
	const response = await request.get((await link.getAttribute('href'))!);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const calendar = new ICAL.Component(ICAL.parse(await response.text()));
	const titles = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent).summary);
	expect(titles).toContain('Sprechstunde: Anerkennung ausländischer Berufsabschlüsse');
	expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
	expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Veranstaltungen – Münster');
	expect(response.headers()['content-disposition']).toBe('attachment; filename="veranstaltungen-muenster.ics"');
});

test('the English page subscribes to a feed named and worded in English', async ({ page, visit, request }) => {
	await visit(`/en/muenster/events?month=${month}`);
	const href = (await page.getByRole('link', { name: 'Subscribe to the calendar (iCal)' }).getAttribute('href'))!;
	expect(href).toBe('/en/muenster/events.ics');
	const response = await request.get(href);
	const calendar = new ICAL.Component(ICAL.parse(await response.text()));
	expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Events – Münster');
	expect(response.headers()['content-disposition']).toBe('attachment; filename="events-muenster.ics"');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the month grid, its month links and a day read the same', async ({ page, visit }) => {
		await visit(`/muenster/events?month=${monthBefore}`);
		await page.getByRole('link', { name: new RegExp(`Nächster Monat: ${monthName(storyCafeMonth)}`) }).click();
		await expect(page.getByRole('table', { name: monthName(storyCafeMonth) })).toBeVisible();
		await page.getByRole('link', { name: dayName(demoDay(written.storyCafe)) }).click();
		await checkPage(page, { javaScript: false });
		await expect(page.getByRole('link', { name: 'Erzählcafé: Angekommen in Münster' })).toBeVisible();
		await page.getByLabel('Art der Veranstaltung').selectOption({ label: 'Workshop' });
		await page.getByRole('button', { name: 'Anzeigen' }).click();
		await expect(page.getByText('An diesem Tag stehen keine Veranstaltungen im Kalender.')).toBeVisible();
	});
});

test('an admin lets the calendar start on Sunday, as the regional portal does', async ({ page, visit }) => {
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await visit('/admin/muenster');
	await page.getByLabel('Erster Wochentag im Kalender').selectOption({ label: 'Sonntag' });
	await page.getByRole('button', { name: 'Speichern' }).first().click();
	await checkPage(page);
	await visit(`/muenster/events?month=${month}`);
	const grid = page.getByRole('table', { name: monthName(month) });
	await expect(grid.getByRole('columnheader').first()).toHaveText(/Sonntag/);
	await expect(grid.getByRole('row').nth(1).getByRole('cell').nth(weekColumn(`${month}-01`, 7))).toContainText('1');

	await visit('/admin/muenster');
	await page.getByLabel('Erster Wochentag im Kalender').selectOption({ label: 'Nach Sprache der Lesenden' });
	await page.getByRole('button', { name: 'Speichern' }).first().click();
	await visit(`/muenster/events?month=${month}`);
	await expect(page.getByRole('table', { name: monthName(month) }).getByRole('columnheader').first()).toHaveText(/Montag/);
});

test('an event page offers its .ics file and the contact box with a vCard that parses', async ({ page, visit, request }) => {
	await visit(`/muenster/events?month=${month}`);
	await page.getByRole('link', { name: /Sprechstunde: Anerkennung ausländischer Berufsabschlüsse/ }).click();
	await checkPage(page);
	// Weekday and date once, then both times.
	await expect(page.locator('.event-facts time').first()).toHaveText(`${dayName(demoDay(written.consultation))}, 16:00–18:00 Uhr`);
	const ics = await request.get((await page.getByRole('link', { name: 'Termin in den eigenen Kalender übernehmen (iCal)' }).getAttribute('href'))!);
	const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!;
	expect(new ICAL.Event(vevent).startDate.hour).toBe(16);
	const contact = page.getByRole('complementary', { name: 'Kontakt' });
	await expect(contact.getByRole('link', { name: '+49 251 0000-999' })).toHaveAttribute('href', 'tel:+492510000999');
	const vcf = await request.get((await contact.getByRole('link', { name: 'Kontakt ins Adressbuch übernehmen (vCard)' }).getAttribute('href'))!);
	expect(vcf.headers()['content-type']).toBe('text/vcard; charset=utf-8');
	const card = new ICAL.Component(ICAL.parse(await vcf.text()));
	expect(card.getFirstPropertyValue('version')).toBe('4.0');
	expect(card.getFirstPropertyValue('fn')).toBeTruthy();
	expect(card.getFirstPropertyValue('tel')).toMatch(/^tel:/);
	expect(card.getFirstPropertyValue('email')).toMatch(/@/);
});

test('the list of past events gives each its weekday, date and both times', async ({ request }) => {
	const past = await (await request.get('/muenster/events?past=1')).text();
	expect(past).toMatch(/<time datetime="2025-01-24T17:00:00.000Z">Freitag, 24. Januar 2025, 18:00–21:00 Uhr<\/time>/);
});
