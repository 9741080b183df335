import type { Page } from '@playwright/test';
import { openDraftingEdition } from './draft-edition';
import { checkPage, expect, signIn, test } from './fixtures';

// A facilitator drafts the document of a new edition, publishes two versions, and the public compares them.

const strategy = '/muenster/strategies/migration-und-integration';
// The story drafts a strategy of its own, so the demo's editions stay as other specs expect them.
const draftStrategy = '/muenster/strategies/stadtteilkonzept-coerde';
const drafting = `/admin${draftStrategy}/editions/1/document`;
const publicDocument = `${draftStrategy}/editions/1/document`;
const field = 'Arbeit und Ausbildung';
const goal = 'Ausbildungsplätze für junge Geflüchtete';
const revisedGoal = 'Mehr Ausbildungsplätze für junge Geflüchtete';

/** Nothing on the page is wider than a small phone. */
async function expectToFit360(page: Page) {
	const size = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${page.url()}`).toBeLessThanOrEqual(360);
	if (size) await page.setViewportSize(size);
}

async function publish(page: Page, title: string, summary: string) {
	const form = page.getByRole('form', { name: /Fassung \d+ veröffentlichen/ });
	await form.getByLabel('Titel der Fassung').fill(title);
	await form.getByLabel('Was hat sich geändert?').fill(summary);
	await form.getByRole('button', { name: 'Fassung veröffentlichen' }).click();
}

test('a facilitator drafts, publishes two versions, and the public compares them inline and side by side', async ({ page, visit }) => {
	test.setTimeout(180_000);
	// An admin opens a new strategy with a first edition for drafting.
	await openDraftingEdition(page, visit, { slug: 'stadtteilkonzept-coerde', title: 'Stadtteilkonzept Coerde' });

	// The facilitator drafts: an introduction, a field of action and a goal.
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit('/admin');
	await page.getByRole('link', { name: 'Stadtteilkonzept Coerde, 1. Auflage (Münster)' }).click();
	await expect(page).toHaveURL(new RegExp(`${drafting}$`));
	await checkPage(page);
	// Only the way back to the back-office start: the strategy pages above are for admins.
	await expect(page.getByRole('navigation', { name: 'Brotkrumen' }).getByRole('link')).toHaveText(['Verwaltung']);
	await expect(page.getByText('Es ist noch keine Fassung veröffentlicht.')).toBeVisible();
	await page.getByLabel('Text der Einleitung').fill('Coerde ist ein Stadtteil für alle.\n\nDieses Konzept sagt, wie wir das bis 2032 erreichen.');
	await page.getByRole('form', { name: 'Einleitung' }).getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await checkPage(page);

	// Two free sections; the second is moved above the first.
	for (const [heading, body] of [
		['Wie wir gearbeitet haben', 'Drei Werkstätten im Stadtteil.'],
		['Worum es geht', 'Ein Stadtteil für alle.']
	]) {
		await page.getByText('Neuer Abschnitt', { exact: true }).click();
		const newSection = page.getByRole('form', { name: 'Neuer Abschnitt' });
		await newSection.getByLabel('Überschrift').fill(heading);
		await newSection.getByLabel('Text', { exact: true }).fill(body);
		await newSection.getByRole('button', { name: 'Hinzufügen' }).click();
		await expect(page.getByRole('list', { name: 'Weitere Abschnitte' }).getByRole('heading', { name: heading })).toBeVisible();
	}
	await page.getByRole('button', { name: '„Worum es geht“ nach oben verschieben' }).click();
	await expect(page.getByRole('list', { name: 'Weitere Abschnitte' }).getByRole('heading', { level: 3 })).toHaveText(['Worum es geht', 'Wie wir gearbeitet haben']);

	const newField = page.getByRole('form', { name: 'Neues Handlungsfeld' });
	await newField.getByLabel('Titel').fill(field);
	await newField.getByRole('button', { name: 'Hinzufügen' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await page.getByRole('link', { name: `Ziele und Maßnahmen bearbeiten: ${field}` }).click();
	await checkPage(page);
	const newGoal = page.getByRole('form', { name: `Neues Ziel in „${field}“` });
	await newGoal.getByLabel('Titel').fill(goal);
	await newGoal.getByRole('button', { name: 'Ziel hinzufügen' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await page.getByRole('link', { name: 'Zurück zum ganzen Dokument' }).click();

	// A version without a title is refused, and nothing is published.
	await page.getByRole('button', { name: 'Fassung veröffentlichen' }).click();
	await expect(page.getByRole('alert').getByRole('heading')).toHaveText('Bitte korrigieren Sie die markierten Felder (1).');
	await expect(page.locator('.field-error').getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
	await expect(page.getByText('Es ist noch keine Fassung veröffentlicht.')).toBeVisible();
	await checkPage(page);

	await publish(page, 'Entwurf 1', 'Erster Entwurf für die Fachgruppen.');
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await expect(page.getByRole('link', { name: 'Fassung 1: Entwurf 1' })).toBeVisible();

	// Revision: the goal gets one more word, then version 2.
	await page.getByRole('link', { name: `Ziele und Maßnahmen bearbeiten: ${field}` }).click();
	await page.getByText(`„${goal}“ bearbeiten`).click();
	const editGoal = page.getByRole('form', { name: `„${goal}“ bearbeiten` });
	await editGoal.getByLabel('Titel').fill(revisedGoal);
	await editGoal.getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await page.getByRole('link', { name: 'Zurück zum ganzen Dokument' }).click();
	await publish(page, 'Entwurf 2 — nach der Fachgruppenrunde', 'Das Ziel zur Ausbildung ist schärfer gefasst.');
	await expect(page.getByRole('link', { name: 'Fassung 2: Entwurf 2 — nach der Fachgruppenrunde' })).toBeVisible();
	await checkPage(page);
	await expectToFit360(page);

	// The public reads the latest version with its table of contents and anchors.
	await page.context().clearCookies();
	await visit(publicDocument);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dokument der 1. Auflage');
	await expect(page.getByText('Fassung 2: Entwurf 2 — nach der Fachgruppenrunde').first()).toBeVisible();
	const toc = page.getByRole('navigation', { name: 'Inhalt' });
	await toc.getByRole('link', { name: `1.1 ${revisedGoal}` }).click();
	const anchor = new URL(page.url()).hash;
	expect(anchor).toMatch(/^#goal-[0-9a-f-]{36}$/);
	await expect(page.locator(anchor)).toContainText(revisedGoal);

	// The older version keeps the goal under the same anchor.
	await visit(`${publicDocument}?version=1`);
	await expect(page.getByText('Sie lesen eine ältere Fassung.')).toBeVisible();
	await expect(page.locator(anchor)).toContainText(goal);

	// Inline comparison: the inserted word is marked and announced.
	await page.getByRole('link', { name: 'Fassung 1 und 2 vergleichen' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fassung 1 und Fassung 2 im Vergleich');
	const summary = page.getByRole('region', { name: 'Was sich an den Zielen geändert hat' });
	await expect(summary.getByRole('listitem')).toHaveText([`1.1 ${revisedGoal} geändert`]);
	const inserted = page.locator(`${anchor} ins`);
	await expect(inserted).toHaveText('[eingefügt: Mehr ]');
	await expect(page.getByRole('link', { name: 'Im Text' })).toHaveAttribute('aria-current', 'page');

	// Side by side: the older text in one column, the newer in the other.
	await page.getByRole('link', { name: 'Nebeneinander' }).click();
	await checkPage(page);
	await expect(page).toHaveURL(/view=side-by-side/);
	await expect(page.locator(`${anchor} h3`)).toContainText('Fassung 1');
	await expect(page.locator(`${anchor} h3`)).toContainText('Fassung 2');
	await expect(page.locator(`${anchor} ins`)).toHaveText('[eingefügt: Mehr ]');
	await expectToFit360(page);
});

test('the demo drafts of the 4th edition are found from the edition page and compared', async ({ page, visit }) => {
	await visit(`${strategy}/editions/4`);
	await page.getByRole('link', { name: 'Das Dokument lesen und Fassungen vergleichen' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 2, name: 'Wie es weitergeht' })).toBeVisible();
	await page.getByRole('link', { name: 'Fassung 1 und 2 vergleichen' }).click();
	await checkPage(page);
	const summary = page.getByRole('region', { name: 'Was sich an den Zielen geändert hat' });
	await expect(summary.getByText('Junge Menschen gestalten die Integrationspolitik mit')).toBeVisible();
	await expect(summary.getByText('verschoben').first()).toBeVisible();
	await page.getByRole('link', { name: 'Nebeneinander' }).click();
	await checkPage(page);
	await expectToFit360(page);
});

test('a version number that does not exist is a 404, a malformed comparison a 400', async ({ page }) => {
	expect((await page.goto(`${strategy}/editions/4/document?version=7`))?.status()).toBe(404);
	expect((await page.goto(`${strategy}/editions/4/document?compare=2..2`))?.status()).toBe(400);
	expect((await page.goto(`${strategy}/editions/4/document?compare=eins..zwei`))?.status()).toBe(400);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the document and the comparison read the same', async ({ page, visit }) => {
		await visit(`${strategy}/editions/4/document`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dokument der 4. Auflage');
		await page.getByRole('link', { name: 'Fassung 1 und 2 vergleichen' }).click();
		await checkPage(page, { javaScript: false });
		await expect(page.locator('ins').first()).toContainText('eingefügt');
		await page.getByRole('link', { name: 'Nebeneinander' }).click();
		await checkPage(page, { javaScript: false });
		await expect(page).toHaveURL(/view=side-by-side/);
		await expect(page.locator('del').first()).toContainText('gestrichen');
	});
});
