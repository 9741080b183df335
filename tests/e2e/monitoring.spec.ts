import type { Browser, Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';
import { demoMonitoringIds } from '../../src/lib/server/demo/demo-monitoring-ids';

// A facilitator reports on a measure and adds a measurement in the back office; the public monitor,
// the measure page, the district page and the chart's data table show it, with JavaScript on and off.

const edition = '/muenster/strategies/migration-und-integration/editions/4';
const measureTitle = 'Mehrsprachige Gründungsberatung in zwei Stadtbezirken';
const indicatorName = 'Beratene Gründungsvorhaben';
const reason = 'Die Beraterin für Arabisch und Farsi fängt erst im Januar an.';

async function contextPage(browser: Browser, javaScript: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	return context.newPage();
}

test.describe.configure({ mode: 'serial' });

test('a facilitator delays a measure with a reason and adds a measurement in the back office', async ({ browser }) => {
	const page = await contextPage(browser, true);
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await page.goto('/admin/muenster/organisations');
	await checkPage(page);
	await page.getByRole('link', { name: 'Monitoring', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Monitoring der Auflagen' })).toBeVisible();
	await checkPage(page);
	// The to-do list names the overdue indicator and why, with the way to import its values.
	await page.getByRole('link', { name: /^Aufgaben:/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Aufgaben im Monitoring' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Wartezeit auf einen Termin im Bürgerbüro' })).toContainText(/Neue Zahlen der Quelle waren für den \d+\. \S+ \d{4} angekündigt/);
	await expect(page.getByRole('link', { name: 'Messwerte für die 4. Auflage als CSV importieren' })).toBeVisible();
	await checkPage(page);
	// The to-do page links to "… für die 4. Auflage …" as well: back on the overview first, then its exact link.
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Monitoring der Auflagen' })).toBeVisible();
	await page.getByRole('link', { name: '4. Auflage', exact: true }).click();
	// The overview's own heading says "Monitoring" too: wait for the edition's monitor itself.
	await expect(page).toHaveURL(/\/editions\/4\/monitor$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Monitoring: .*4\. Auflage/);
	await checkPage(page);

	await page.getByRole('link', { name: measureTitle }).click();
	await expect(page.getByRole('heading', { level: 1, name: measureTitle })).toBeVisible();
	await checkPage(page);
	await page.getByLabel('Stand', { exact: true }).selectOption({ label: 'verzögert' });
	await page.getByLabel('Begründung').fill('');
	await page.getByRole('button', { name: 'Umsetzung speichern' }).click();
	// Without a reason nothing is saved and the field says why.
	await expect(page.locator('.field-error').getByText('Wenn eine Maßnahme verzögert ist oder eingestellt wird, braucht es eine Begründung.')).toBeVisible();
	await checkPage(page);
	await page.getByLabel('Stand', { exact: true }).selectOption({ label: 'verzögert' });
	await page.getByLabel('Begründung').fill(reason);
	await page.getByLabel('Fortschritt in Prozent').fill('35');
	await page.getByLabel('Wirkt in der ganzen Stadt (gesamtstädtisch)').uncheck();
	await page.getByLabel('Hiltrup', { exact: true }).check();
	await page.getByRole('button', { name: 'Umsetzung speichern' }).click();
	await expect(page.getByText('Die Umsetzung ist gespeichert.')).toBeVisible();
	await checkPage(page);

	await page.getByRole('link', { name: 'Zurück zum Monitoring der Auflage' }).click();
	await page.getByRole('link', { name: indicatorName }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(indicatorName);
	await checkPage(page);
	await page.getByLabel('Datum des Messwerts').fill('2026-10-15');
	await page.getByLabel(/^Wert/).fill('27,5');
	await page.getByLabel('Stadtbezirk').selectOption({ label: 'Hiltrup' });
	await page.getByLabel('Quellenhinweis').fill('Zählung der Beratungsstelle');
	await page.getByRole('button', { name: 'Messwert speichern' }).click();
	await expect(page.getByText('Der Messwert ist gespeichert.')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Zählung der Beratungsstelle' })).toBeVisible();
	// An interim target for 2027; the public page's assessment then measures against it.
	await page.getByLabel('Jahr 2027').fill('21,5');
	await page.getByRole('button', { name: 'Zwischenziele speichern' }).click();
	await expect(page.getByText('Die Zwischenziele sind gespeichert.')).toBeVisible();
	await expect(page.getByLabel('Jahr 2027')).toHaveValue('21,5');
	await checkPage(page);

	// A file as a German spreadsheet saves it: semicolons, decimal comma, byte order mark.
	await page.goto(`/admin${edition}/monitor/import`);
	await checkPage(page);
	const file = '\uFEFFindicator;period;value;dim_district;note\nberatene-gruendungsvorhaben;2026-11;24,5;total;Hochgeladen aus der Gründungsstatistik\n';
	await page.getByLabel('CSV-Datei').setInputFiles({ name: 'gruendungen.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
	await page.getByRole('button', { name: 'Datei importieren' }).click();
	await expect(page.getByText('Import abgeschlossen.')).toBeVisible();
	await expect(page.getByText('Gelesen: 1 Zeilen · importiert: 1 · fehlerhaft: 0')).toBeVisible();
	await checkPage(page);
	await page.goto(`${edition}/monitor`);
	await page.getByRole('link', { name: indicatorName }).first().click();
	await expect(page.getByRole('row').filter({ hasText: 'Hochgeladen aus der Gründungsstatistik' })).toContainText(/24,5\s+Beratungen/);
	await checkPage(page);
	await page.context().close();
});

for (const javaScript of [true, false]) {
	test(`the public monitor, the measure, the district and the chart's table show the change (JavaScript ${javaScript ? 'on' : 'off'})`, async ({ browser }) => {
		const page = await contextPage(browser, javaScript);
		await page.goto(edition);
		await checkPage(page, { javaScript });
		await page.getByRole('link', { name: 'Umsetzung und Monitoring ansehen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Umsetzung und Monitoring');
		await checkPage(page, { javaScript });

		await page.getByLabel('Stand', { exact: true }).selectOption({ label: 'verzögert' });
		await page.getByLabel('Stadtbezirk', { exact: true }).selectOption({ label: 'Hiltrup' });
		await page.getByRole('button', { name: 'Filter anwenden' }).click();
		await expect(page).toHaveURL(/status=delayed/);
		const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: measureTitle }) });
		await expect(item).toContainText('verzögert');
		await expect(item).toContainText(/35\s%\sumgesetzt/);
		await checkPage(page, { javaScript });

		await page.getByRole('link', { name: measureTitle }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(measureTitle);
		await expect(page.getByText(reason)).toBeVisible();
		await expect(page.getByRole('progressbar', { name: 'Fortschritt der Maßnahme' })).toHaveAttribute('value', '35');
		await checkPage(page, { javaScript });

		await page.getByRole('link', { name: 'Hiltrup', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Stadtbezirk Hiltrup' })).toBeVisible();
		await expect(page.getByRole('link', { name: measureTitle })).toBeVisible();
		const valueRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: indicatorName }) });
		await expect(valueRow).toContainText(/27,5\s+Beratungen/);
		await checkPage(page, { javaScript });

		await valueRow.getByRole('link', { name: indicatorName }).click();
		await expect(page.getByRole('heading', { level: 1, name: indicatorName })).toBeVisible();
		await expect(page.getByRole('img', { name: /Verlauf von „Beratene Gründungsvorhaben“/ })).toBeVisible();
		await expect(page.getByText('Zeit (Jahre)')).toBeVisible();
		const row = page.getByRole('row').filter({ hasText: 'Zählung der Beratungsstelle' });
		await expect(row).toContainText('Hiltrup');
		await expect(row).toContainText(/27,5\s+Beratungen/);
		await expect(row).toContainText('15.10.2026');
		await expect(page.getByText(/des Wegs zum Ziel geschafft/)).toBeVisible();
		const score = page.getByRole('table', { name: 'Berechnung der Bewertung' });
		await expect(score.getByRole('row', { name: /Zwischenziel 2027/ })).toContainText(/21,5\s+Beratungen/);
		await expect(score.getByRole('row', { name: /Maßstab/ })).toContainText('31. Dezember 2027');
		await expect(score.getByRole('row', { name: /Bewertung/ })).toContainText(/Auf Kurs|Fortschritt, aber zu langsam|Nicht auf Kurs|Ziel erreicht/);
		await expect(page.getByRole('img', { name: /„Beratene Gründungsvorhaben“ je Stadtbezirk/ })).toBeVisible();
		const districts = page.getByRole('table', { name: /Stadtbezirke und Gesamtstadt am/ });
		await expect(districts.getByRole('row', { name: /Hiltrup/ })).toContainText(/27,5\s+Beratungen/);
		await checkPage(page, { javaScript });

		// The same pages in English: the labels translate, the German content is marked as German.
		await page.goto(`/en${edition}/monitor/districts/hiltrup`);
		await expect(page.getByRole('heading', { level: 1, name: 'District Hiltrup' })).toBeVisible();
		await checkPage(page, { javaScript });
		await page.getByRole('link', { name: indicatorName }).click();
		await expect(page.getByText(/of the way to target/)).toBeVisible();
		await expect(page.getByRole('img', { name: /Line chart/ })).toBeVisible();
		await checkPage(page, { javaScript });
		await page.context().close();
	});
}

test('a member of a partner organisation reports status and progress of their own measure on its public page', async ({ browser }) => {
	const ownTitle = 'Lotsendienst für Anerkennungsverfahren';
	const anonymous = await contextPage(browser, true);
	await anonymous.goto(`${edition}/monitor`);
	await anonymous.getByRole('link', { name: ownTitle }).click();
	await expect(anonymous.getByRole('heading', { level: 1 })).toContainText(ownTitle);
	await expect(anonymous.getByRole('heading', { name: 'Stand melden' })).toHaveCount(0);
	const measurePath = new URL(anonymous.url()).pathname;

	const owner = await contextPage(browser, true);
	await signIn(owner, 'teilnahme@example.org', 'demo-participant');
	await owner.goto(measurePath);
	await expect(owner.getByRole('heading', { name: 'Stand melden' })).toBeVisible();
	await checkPage(owner);
	await owner.getByLabel('Stand', { exact: true }).selectOption({ label: 'in Umsetzung' });
	await owner.getByLabel('Fortschritt in Prozent').fill('60');
	await owner.getByRole('button', { name: 'Stand speichern' }).click();
	await expect(owner.getByText('Der Stand ist gespeichert.')).toBeVisible();
	await checkPage(owner);
	await owner.getByLabel('Was ist passiert?').fill('Acht neue Lotsinnen haben ihre Schulung abgeschlossen.');
	await owner.getByRole('button', { name: 'Bericht veröffentlichen' }).click();
	await expect(owner.getByText('Der Bericht ist veröffentlicht.')).toBeVisible();
	await checkPage(owner);

	await anonymous.reload();
	await expect(anonymous.getByText('Acht neue Lotsinnen haben ihre Schulung abgeschlossen.')).toBeVisible();
	await expect(anonymous.getByRole('progressbar', { name: 'Fortschritt der Maßnahme' })).toHaveAttribute('value', '60');
	await checkPage(anonymous);
	await owner.context().close();
	await anonymous.context().close();
});

test('the monitor pages fit a 360 px wide phone without sideways scrolling', async ({ page, visit }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await visit(`${edition}/monitor`);
	const indicatorPath = await page.getByRole('link', { name: indicatorName }).first().getAttribute('href');
	const paths = [
		`${edition}/monitor`,
		await page.getByRole('link', { name: measureTitle }).getAttribute('href'),
		indicatorPath,
		`${edition}/monitor/districts/sued-ost`,
		`${edition}/monitor/coverage`,
		`${indicatorPath}?history=whole`
	];
	for (const path of paths) {
		await visit(path!);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path!).toBeLessThanOrEqual(0);
	}
	// The whole history leads back to the newest values.
	await page.getByRole('link', { name: 'Nur die neuesten Werte zeigen' }).click();
	await expect(page).toHaveURL(new RegExp(`${indicatorPath}$`));
});

test('the annual report linked from the monitor is a PDF, revalidated by its ETag, and the link then names its size', async ({ request }) => {
	const monitor = async () => {
		const response = await request.get(`${edition}/monitor`);
		expect(response.status()).toBe(200);
		return response.text();
	};
	const year = new Date().getFullYear();
	const link = new RegExp(`href="(${edition}/monitor/report/${year}\\.pdf)"[^>]*>Jahresbericht ${year}</a>\\s*\\(([^)]*)\\)`).exec(await monitor());
	expect(link, 'the monitor links this year’s report').not.toBeNull();
	const report = await request.get(link![1]);
	expect(report.status()).toBe(200);
	expect(report.headers()['content-type']).toBe('application/pdf');
	expect(report.headers()['cache-control']).toBe('public, max-age=300');
	expect((await report.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const revalidated = await request.get(link![1], { headers: { 'If-None-Match': report.headers().etag } });
	expect(revalidated.status()).toBe(304);
	expect(await monitor()).toMatch(new RegExp(`Jahresbericht ${year}</a>\\s*\\(PDF, etwa \\d+ kB\\)`));
	expect((await request.get(`${edition}/monitor/report/2024.pdf`)).status()).toBe(404);
});

test('the public indicator pages withhold small and confidential district values and explain the footnote symbols', async ({ browser }) => {
	const page = await contextPage(browser, false);
	await page.goto(`${edition}/monitor`);
	await page.getByRole('link', { name: 'Teilnehmende am Jugendforum Vielfalt' }).first().click();
	await expect(page.getByRole('cell', { name: 'geheim gehalten', exact: true })).toHaveCount(1);
	await expect(page.getByText('Kleine Fallzahlen und Werte, aus denen sie sich errechnen ließen')).toBeVisible();
	await checkPage(page, { javaScript: false });
	await page.goto(`${edition}/monitor`);
	await page.getByRole('link', { name: 'Besuche in Begegnungsorten' }).first().click();
	await expect(page.getByText('Zeichenerklärung')).toBeVisible();
	await expect(page.getByRole('cell', { name: /Bruch in der Zeitreihe/ })).toHaveCount(1);
	await checkPage(page, { javaScript: false });
	await page.context().close();
});

test('the indicator page names the series source in a labelled section and says where each value came from, without naming a person', async ({ request }) => {
	const response = await request.get(`/muenster/strategies/migration-und-integration/editions/1/monitor/indicators/${demoMonitoringIds.muenster.indicator}`);
	expect(response.status()).toBe(200);
	const html = await response.text();
	const section = /<section aria-labelledby="series-source-heading"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
	expect(section).toMatch(/<h2 id="series-source-heading"[^>]*>Quelle<\/h2>/);
	expect(section).toContain('Statistikstelle der Stadt Münster (Demo)');
	expect(section).toMatch(/<cite[^>]*>Kommunale Integrationsstatistik<\/cite>/);
	expect(section).toMatch(/<a href="https:\/\/www\.govdata\.de\/dl-de\/by-2-0" rel="license"[^>]*>Datenlizenz Deutschland/);
	expect(html).toMatch(/Import vom [^<]+ \(integrationsstatistik-2008-2013\.csv\)/);
	expect(html).toMatch(/eingetragen am [^<]+ \(Prozessbegleitung\)/);
	// Read as text: Svelte marks where a component begins and ends with HTML comments.
	expect(html.replace(/<!--[\s\S]*?-->/g, '')).toContain('(Quelle A: Institut für Sozialforschung Münsterland (Demo))');
	// The office's own address is public (contact box); the accounts that imported or typed values are not.
	for (const account of ['moderation@muenster.example.org', 'admin@muenster.example.org']) expect(html).not.toContain(account);
});

test('a facilitator keeps the registry of sources; a key outside the CSV alphabet is refused with 400 and nothing is written', async ({ page, visit, baseURL }) => {
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit('/admin/muenster/monitor/sources');
	await expect(page.getByRole('link', { name: 'Bearbeiten: statistik-muenster' })).toBeVisible();
	const refused = await page.request.post('/admin/muenster/monitor/sources?/create', {
		form: { key: 'Quelle mit Leerzeichen', publisher: 'Amt für Beispiele' },
		headers: { Origin: new URL(baseURL!).origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toContain('Nur Kleinbuchstaben, Ziffern, - und _; am Anfang ein Buchstabe oder eine Ziffer.');
	expect(await (await page.request.get('/admin/muenster/monitor/sources')).text()).not.toContain('Amt für Beispiele');
});

test('after the annual report froze the values, a corrected value is told on its indicator page, and the snapshots page shows the one difference to the adoption', async ({ page, visit, request }) => {
	const monitor = await (await request.get(`${edition}/monitor`)).text();
	const link = /href="([^"]+\/monitor\/indicators\/[0-9a-f-]+)"[^>]*>Auszubildende mit internationaler Geschichte in der Stadtverwaltung</.exec(monitor);
	expect(link, 'the monitor links the indicator').not.toBeNull();
	const indicatorPage = await (await request.get(link![1])).text();
	expect(indicatorPage).toMatch(/Wert am [^<]+ von [^<]+ auf [^<]+ geändert/);
	await visit(`${edition}/monitor/snapshots?changed=1`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Festgeschriebene Stände');
	const table = page.getByRole('table');
	await expect(table.getByRole('row')).toHaveCount(2);
	await expect(table.getByRole('rowheader', { name: 'Wartezeit auf einen Termin im Bürgerbüro' })).toBeVisible();
	await expect(table.getByRole('cell', { name: '+2\u00a0Tage' })).toBeVisible();
});
