import type { Page } from '@playwright/test';
import { publishDraftForComments } from './draft-edition';
import { checkPage, expect, signIn, test } from './fixtures';

// A facilitator publishes a draft, a participant comments on a goal (with and without JavaScript),
// the facilitator answers and takes the comment into account, and the public reads it all.

// A strategy of its own, so the demo's editions and the other specs' strategies stay as they expect.
const draftStrategy = '/muenster/strategies/quartierskonzept-kinderhaus';
const publicDocument = `${draftStrategy}/editions/1/document`;
const commentsAdmin = `/admin${draftStrategy}/editions/1/comments`;
const field = 'Wohnen im Quartier';
const goal = 'Bezahlbare Wohnungen für große Familien';
const commentText = 'Bitte auch Wohnungen für Alleinerziehende mitdenken.\nDie Nachfrage ist in Kinderhaus besonders hoch.';
const answerText = 'Danke! Alleinerziehende stehen jetzt ausdrücklich in der Beschreibung des Ziels.';

async function expectToFit360(page: Page) {
	const size = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${page.url()}`).toBeLessThanOrEqual(360);
	if (size) await page.setViewportSize(size);
}

test('a participant comments on a goal of the current draft and the facilitator takes it into account', async ({ page, browser, visit }) => {
	test.setTimeout(240_000);
	// An admin opens a strategy with a first edition in the drafting stage; the facilitator drafts a field with a goal and publishes version 1.
	await publishDraftForComments(page, visit, { slug: 'quartierskonzept-kinderhaus', title: 'Quartierskonzept Kinderhaus', field, goal });
	// The back office's comment page is one link away and still empty.
	await page.getByRole('link', { name: 'Kommentare zu den Fassungen beantworten' }).click();
	await expect(page).toHaveURL(new RegExp(`${commentsAdmin}$`));
	await checkPage(page);
	await expect(page.getByText('In dieser Auswahl gibt es keine Kommentare.')).toBeVisible();
	await page.context().clearCookies();

	// Anonymous visitors see that the draft is open for comments and are asked to sign in.
	await visit(publicDocument);
	await expect(page.getByText(/Diese Fassung ist zur Kommentierung offen/)).toBeVisible();
	const goalItem = page.locator('li.outline-goal').filter({ hasText: goal });
	await goalItem.getByText('Kommentare: 0').click();
	await expect(goalItem.getByRole('link', { name: 'Zum Kommentieren anmelden' })).toBeVisible();

	// The participant comments on the goal; the page comes back at the goal with the comment and its count.
	await signIn(page, 'teilnahme@example.org', 'demo-participant');
	await visit(publicDocument);
	await goalItem.getByText('Kommentare: 0').click();
	await goalItem.getByLabel('Ihr Kommentar zu dieser Stelle').fill(commentText);
	await goalItem.getByRole('button', { name: 'Kommentar abschicken' }).click();
	await expect(goalItem.getByRole('status')).toHaveText('Ihr Kommentar ist veröffentlicht.');
	const anchor = new URL(page.url()).hash;
	expect(anchor).toMatch(/^#goal-[0-9a-f-]{36}$/);
	await checkPage(page);
	await expect(goalItem.locator('.comment-thread > details > summary')).toContainText('Kommentare: 1');
	await expect(goalItem.getByRole('article')).toContainText('Sam Probe (Demo-Teilnahme)');
	await expect(goalItem.getByRole('article')).toContainText('Stand: offen');
	// Sending the same text again at once is refused with a reason, and nothing is added.
	await goalItem.getByLabel('Ihr Kommentar zu dieser Stelle').fill(commentText);
	await goalItem.getByRole('button', { name: 'Kommentar abschicken' }).click();
	await expect(goalItem.getByRole('alert')).toHaveText('Diesen Kommentar haben Sie gerade schon abgeschickt.');
	await expect(goalItem.locator('.comment-thread > details > summary')).toContainText('Kommentare: 1');
	await checkPage(page);
	await expectToFit360(page);

	// Without JavaScript the form works the same and the page reloads at the goal.
	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	const noScript = await plain.newPage();
	await noScript.goto('/sign-in');
	await noScript.getByLabel('E-Mail-Adresse').fill('teilnahme@example.org');
	await noScript.getByLabel('Passwort', { exact: true }).fill('demo-participant');
	await noScript.getByRole('button', { name: 'Anmelden' }).click();
	await expect(noScript.getByRole('button', { name: /Abmelden/ })).toBeVisible();
	await noScript.goto(publicDocument);
	await checkPage(noScript, { javaScript: false });
	const plainGoal = noScript.locator('li.outline-goal').filter({ hasText: goal });
	await plainGoal.getByText('Kommentare: 1').click();
	await plainGoal.getByLabel('Ihr Kommentar zu dieser Stelle').fill('Und bitte barrierefreie Wohnungen im Erdgeschoss.');
	await plainGoal.getByRole('button', { name: 'Kommentar abschicken' }).click();
	await expect(noScript).toHaveURL(new RegExp(`${anchor}$`));
	await checkPage(noScript, { javaScript: false });
	await expect(plainGoal.getByRole('status')).toHaveText('Ihr Kommentar ist veröffentlicht.');
	await expect(plainGoal.locator('.comment-thread > details > summary')).toContainText('Kommentare: 2');
	await plain.close();
	await page.context().clearCookies();

	// The facilitator answers the first comment and marks it as taken into account.
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit(`${commentsAdmin}?filter=open`);
	await expect(page.getByText('Kommentare in dieser Auswahl: 2')).toBeVisible();
	const card = page.getByRole('article').filter({ hasText: 'Alleinerziehende' });
	await card.getByLabel('Stand').selectOption({ label: 'berücksichtigt' });
	await card.getByLabel('Öffentliche Antwort').fill(answerText);
	await card.getByRole('button', { name: 'Antwort speichern' }).click();
	await expect(page.getByRole('status').first()).toHaveText('Die Antwort ist gespeichert.');
	await checkPage(page);
	// "Not taken into account" without a reason is refused for the other comment.
	const other = page.getByRole('article').filter({ hasText: 'barrierefreie' });
	await other.getByLabel('Stand').selectOption({ label: 'nicht berücksichtigt' });
	await other.getByRole('button', { name: 'Antwort speichern' }).click();
	await expect(page.getByText('Bitte begründen Sie, warum der Kommentar nicht berücksichtigt wurde.')).toBeVisible();
	await checkPage(page);
	await visit(`${commentsAdmin}?filter=answered`);
	await expect(page.getByText('Kommentare in dieser Auswahl: 1')).toBeVisible();
	await page.context().clearCookies();

	// The public page shows the answer and the status in words beside the goal.
	await visit(`${publicDocument}${anchor}`);
	await goalItem.getByText('Kommentare: 2').click();
	const answered = goalItem.getByRole('article').filter({ hasText: 'Alleinerziehende' });
	await expect(answered).toContainText('Stand: berücksichtigt');
	await expect(answered).toContainText(answerText);
	await expect(answered).toContainText('Antwort von Deniz Muster (Demo-Moderation)');

	// The list view, for small screens and screen readers, shows the same, and filters by status.
	await page.getByRole('link', { name: 'Alle Kommentare als Liste' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommentare zur 1. Auflage');
	await expect(page.getByRole('heading', { level: 2, name: `Ziel 1.1 ${goal}` })).toBeVisible();
	await expect(page.getByText('Angezeigte Kommentare: 2')).toBeVisible();
	await page.getByLabel('Stand').selectOption({ label: 'berücksichtigt' });
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await checkPage(page);
	await expect(page.getByText('Angezeigte Kommentare: 1')).toBeVisible();
	await expect(page.getByRole('article')).toContainText(answerText);
	await expectToFit360(page);
});

test('the demo’s adopted 4th edition shows its comments read-only, with answers', async ({ page, visit }) => {
	const edition = '/muenster/strategies/migration-und-integration/editions/4';
	await signIn(page, 'teilnahme@example.org', 'demo-participant');
	await visit(`${edition}/document`);
	await expect(page.getByText(/Die Kommentierung ist beendet/)).toBeVisible();
	await expect(page.getByLabel('Ihr Kommentar zu dieser Stelle')).toHaveCount(0);
	await visit(`${edition}/document/comments?status=not_taken_into_account`);
	await expect(page.getByText('Stand: nicht berücksichtigt')).toBeVisible();
	await expect(page.getByText(/Integrationsrat weitergegeben/)).toBeVisible();
	await visit(`${edition}/document?version=1`);
	await expect(page.getByText(/Die Kommentierung ist beendet/)).toBeVisible();
});
