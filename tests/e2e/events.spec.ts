import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';

// Each demo event below has two places, one of them already taken by a fictional guest.
const stories = [
	{ javaScript: true, title: 'Sprechstunde: Anerkennung ausländischer Berufsabschlüsse' },
	{ javaScript: false, title: 'Erzählcafé: Angekommen in Münster' }
];

async function personAt(browser: Browser, javaScript: boolean, email: string, password: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	const page = await context.newPage();
	await signIn(page, email, password);
	return page;
}

async function openEvent(page: Page, title: string, javaScript: boolean) {
	await page.goto('/muenster/events?view=list');
	await checkPage(page, { javaScript });
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await checkPage(page, { javaScript });
}

for (const story of stories) {
	test(`a full event puts the next person on the waiting list, who moves up when someone cancels (JavaScript ${story.javaScript ? 'on' : 'off'})`, async ({ browser }) => {
		const participant = await personAt(browser, story.javaScript, 'teilnahme@example.org', 'demo-participant');
		await openEvent(participant, story.title, story.javaScript);
		await expect(participant.getByText('1 von 2 Plätzen frei')).toBeVisible();
		await participant.getByRole('button', { name: 'Verbindlich anmelden', exact: true }).click();
		await expect(participant.getByText('Sie sind angemeldet.')).toBeVisible();
		await expect(participant.getByText(/^Ausgebucht/)).toBeVisible();
		await checkPage(participant, { javaScript: story.javaScript });

		const second = await personAt(browser, story.javaScript, 'admin@greven.example.org', 'demo-admin-greven');
		await openEvent(second, story.title, story.javaScript);
		await second.getByRole('button', { name: 'Auf die Warteliste setzen', exact: true }).click();
		await expect(second.getByText('Sie stehen auf der Warteliste (Platz 1).')).toBeVisible();
		await checkPage(second, { javaScript: story.javaScript });

		await participant.reload();
		await participant.getByRole('button', { name: 'Anmeldung absagen', exact: true }).click();
		await expect(participant.getByText('Ihre Anmeldung ist abgesagt.')).toBeVisible();
		await checkPage(participant, { javaScript: story.javaScript });

		await second.reload();
		await expect(second.getByText('Sie sind angemeldet.')).toBeVisible();
		await expect(second.getByText(/^Ausgebucht/)).toBeVisible();
		await second.context().close();
		await participant.context().close();
	});
}

test('a guest without an account registers with name and e-mail and is asked to confirm', async ({ page, visit }) => {
	await visit('/muenster/events?view=list');
	await page.getByRole('link', { name: 'Ein Jahr Umsetzung: Was aus dem Leitbild geworden ist' }).click();
	await page.getByLabel('Name').fill('Rosa Gast');
	await page.getByLabel('E-Mail-Adresse').fill('rosa.gast@example.org');
	await page.getByRole('button', { name: 'Verbindlich anmelden', exact: true }).click();
	await expect(page.getByText(/Fast geschafft/)).toBeVisible();
	await checkPage(page);
});

test('a facilitator records attendance, adds a walk-in and publishes minutes that render inert', async ({ page, visit }) => {
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit('/admin/muenster/events');
	await page.getByRole('link', { name: 'Ein Jahr Umsetzung: Was aus dem Leitbild geworden ist' }).click();
	await checkPage(page);

	const boxes = page.getByRole('group', { name: 'Anwesend' }).getByRole('checkbox');
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
	await expect(page.getByText('Die Anwesenheit ist gespeichert.')).toBeVisible();
	await expect(boxes.nth(0)).toBeChecked();
	await expect(boxes.nth(2)).not.toBeChecked();

	await page.getByLabel('Name', { exact: true }).fill('Walter Spontan');
	await page.getByRole('button', { name: 'Als anwesend eintragen' }).click();
	await expect(page.getByText('Walter Spontan ist als anwesend eingetragen.')).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /Walter Spontan/ })).toBeChecked();
	await checkPage(page);

	// The same people as a spreadsheet, each with the language they registered in; the walk-in present.
	await expect(page.getByText(/^Angemeldet in diesen Sprachen/)).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Anmeldungen herunterladen (CSV)' }).click();
	const [header, ...rows]: string[][] = parse(await readFile((await (await downloading).path())!), { delimiter: ';', bom: true });
	expect(header).toEqual(['Nr.', 'Name', 'E-Mail', 'Stand', 'Angemeldet am', 'Sprache der Anmeldung', 'ohne Anmeldung', 'Anwesend']);
	const names = await boxes.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? ''));
	expect(rows.map((row) => row[1]).sort()).toEqual(names.map((name) => name.replace(/\s*\(.*\)$/, '').trim()).sort());
	expect(rows.find((row) => row[1] === 'Walter Spontan')!.slice(5)).toEqual(['', 'ja', 'ja']);

	await page.getByRole('link', { name: 'Anwesenheitsliste drucken' }).click();
	await checkPage(page);
	await page.goBack();

	await page.getByLabel('Protokoll (Markdown)').fill('## Ergebnisse\n\n- Mehr Sprechstunden\n\n<script>window.pwned = 1</script>\n\n[Klick](javascript:window.pwned=2)');
	await page.getByRole('button', { name: 'Protokoll veröffentlichen' }).click();
	await expect(page.getByText('Das Protokoll ist veröffentlicht.')).toBeVisible();

	await visit('/muenster/events?view=list');
	await page.getByRole('link', { name: 'Ein Jahr Umsetzung: Was aus dem Leitbild geworden ist' }).click();
	await checkPage(page);
	const minutes = page.getByRole('region', { name: 'Protokoll' });
	await expect(minutes.getByRole('heading', { name: 'Ergebnisse' })).toBeVisible();
	await expect(minutes.getByText('Mehr Sprechstunden')).toBeVisible();
	expect(await minutes.locator('script').count()).toBe(0);
	expect(await minutes.locator('a[href^="javascript"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('minutes typed before the page has its scripts survive hydration', async ({ page }) => {
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await page.goto('/admin/muenster/events');
	const href = await page.getByRole('link', { name: 'Ein Jahr Umsetzung: Was aus dem Leitbild geworden ist' }).getAttribute('href');
	// A slow phone: the page and its styles are there, its scripts are not yet. (Routing also keeps them out of the cache.)
	let releaseScripts!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(href!, { waitUntil: 'domcontentloaded' });
	const minutes = page.getByLabel('Protokoll (Markdown)');
	await minutes.fill('Notiz, getippt bevor die Skripte da waren');
	releaseScripts();
	await page.waitForLoadState('networkidle');
	await expect(minutes).toHaveValue('Notiz, getippt bevor die Skripte da waren');
});

test('a working group shows its meetings on the edition, and a facilitator adds a member', async ({ page, visit }) => {
	await visit('/muenster/strategies/migration-und-integration/editions/4');
	await page.getByRole('link', { name: 'Fachgruppe Wirtschaft und Arbeit' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Fachgruppe Wirtschaft und Arbeit' })).toBeVisible();
	await expect(page.getByText('9 Mitglieder')).toBeVisible();
	const firstMeeting = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Fachgruppe Wirtschaft und Arbeit – 1. Sitzung' }) });
	await expect(firstMeeting.locator('time')).toHaveText('Mittwoch, 13. März 2024, 15:00–17:00 Uhr');

	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit('/admin/muenster/working-groups');
	const group = page.getByRole('region', { name: 'Fachgruppe Wirtschaft und Arbeit' });
	await group.getByLabel('Name').fill('Nora Neu');
	await group.getByRole('button', { name: 'Mitglied aufnehmen' }).click();
	await expect(page.getByText('Nora Neu ist aufgenommen.')).toBeVisible();
	await checkPage(page);
	await visit('/muenster/strategies/migration-und-integration/editions/4');
	await expect(page.getByText('10 Mitglieder')).toBeVisible();
});
