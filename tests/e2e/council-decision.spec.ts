import { openDraftingEdition } from './draft-edition';
import { checkPage, expect, signIn, test } from './fixtures';

// A facilitator downloads the council submission, takes the edition to the council and records its
// adoption with the decision document; the public edition and strategy pages then show both.

// The story works on a strategy of its own, so the demo's editions stay as other specs expect them.
const strategy = '/muenster/strategies/beirat-vielfalt';
const edition = `${strategy}/editions/1`;
const council = `/admin${edition}/council`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

test('a facilitator downloads the submission, takes it to the council and records the adoption; the public sees decision and adopted text', async ({ page, visit }) => {
	test.setTimeout(180_000);
	await openDraftingEdition(page, visit, { slug: 'beirat-vielfalt', title: 'Leitbild Vielfalt im Beirat' });

	// The facilitator writes an introduction and publishes it as version 1.
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit(`/admin${edition}/document`);
	await page.getByLabel('Text der Einleitung').fill('Münster lädt alle ein, mitzureden: Vielfalt prägt unsere Gremien.');
	await page.getByRole('form', { name: 'Einleitung' }).getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	const publish = page.getByRole('form', { name: /Fassung 1 veröffentlichen/ });
	await publish.getByLabel('Titel der Fassung').fill('Entwurf für den Rat');
	await publish.getByRole('button', { name: 'Fassung veröffentlichen' }).click();
	await checkPage(page);
	await page.getByRole('link', { name: 'Beschlussvorlage und Ratsbeschluss' }).click();
	await expect(page).toHaveURL(new RegExp(`${council}$`));
	await checkPage(page);

	// Both downloads answer with their format and a file that is not empty.
	for (const [name, type] of [
		['Fassung 1 als PDF', 'application/pdf'],
		['Fassung 1 als DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']
	] as const) {
		const link = page.getByRole('link', { name });
		const response = await page.request.get((await link.getAttribute('href'))!);
		expect(response.status(), name).toBe(200);
		expect(response.headers()['content-type']).toBe(type);
		expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="beirat-vielfalt-auflage-1-fassung-1\.(pdf|docx)"$/);
		expect((await response.body()).byteLength).toBeGreaterThan(1000);
	}
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Fassung 1 als PDF' }).click();
	expect((await download).suggestedFilename()).toBe('beirat-vielfalt-auflage-1-fassung-1.pdf');

	// Into the council with version 1.
	await expect(page.getByText('Einen Beschluss können Sie eintragen, sobald die Auflage in der Beratung des Rates ist.')).toBeVisible();
	await page.getByLabel('Fassung für den Rat').selectOption({ label: '1: Entwurf für den Rat' });
	await page.getByRole('button', { name: 'In den Rat geben' }).click();
	await expect(page.getByText('Die Auflage ist mit Fassung 1 in den Rat gegangen.')).toBeVisible();
	await expect(page.getByText('Aktuelle Phase: In der Beratung des Rates')).toBeVisible();
	await checkPage(page);

	// A file that only calls itself a PDF is refused, and what was typed stays.
	const form = page.getByRole('form', { name: 'Beschluss eintragen' });
	await form.getByLabel('Gremium').fill('Rat der Stadt Münster');
	await form.getByLabel('Datum des Beschlusses').fill(today);
	await form.getByLabel('beschlossen', { exact: true }).check();
	await form.getByLabel('Ja-Stimmen').fill('48');
	await form.getByLabel('Nein-Stimmen').fill('11');
	await form.getByLabel('Enthaltungen').fill('2');
	await form.getByLabel('Vorlagen-Nummer (freiwillig)').fill('V/0815/2027');
	await form.getByLabel('Link zum Ratsinformationssystem (freiwillig)').fill('https://ratsinfo.example.org/vorlage/V-0815-2027');
	await form.getByLabel('Beschlussdokument (PDF, freiwillig)').setInputFiles({ name: 'beschluss.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Nur Text.') });
	await form.getByRole('button', { name: 'Beschluss speichern' }).click();
	await expect(page.locator('.field-error').getByText('Diese Datei ist kein PDF-Dokument.')).toBeVisible();
	await checkPage(page);
	const again = page.getByRole('form', { name: 'Beschluss eintragen' });
	await expect(again.getByLabel('Gremium')).toHaveValue('Rat der Stadt Münster');
	await expect(again.getByLabel('Ja-Stimmen')).toHaveValue('48');
	await again
		.getByLabel('Beschlussdokument (PDF, freiwillig)')
		.setInputFiles({ name: 'Beschluss Rat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Ratsbeschluss Vielfalt\n%%EOF\n') });
	await again.getByRole('button', { name: 'Beschluss speichern' }).click();
	await expect(page.getByText('Der Beschluss ist gespeichert.')).toBeVisible();
	await expect(page.getByText('Aktuelle Phase: Beschlossen')).toBeVisible();
	await checkPage(page);
	await page.context().clearCookies();

	// The public edition page shows the decision, its document and the adopted text.
	await visit(edition);
	const decision = page.getByRole('region', { name: 'Ratsbeschluss' });
	await expect(decision).toContainText('Rat der Stadt Münster hat am');
	await expect(decision).toContainText('entschieden: beschlossen.');
	await expect(decision).toContainText('Abstimmung: 48 Ja, 11 Nein, 2 Enthaltungen');
	await expect(decision).toContainText('Vorlagen-Nummer: V/0815/2027');
	await expect(decision.getByRole('link', { name: 'Vorlage im Ratsinformationssystem' })).toHaveAttribute('href', 'https://ratsinfo.example.org/vorlage/V-0815-2027');
	const documentResponse = await page.request.get((await decision.getByRole('link', { name: /^Beschlussdokument \(PDF/ }).getAttribute('href'))!);
	expect(documentResponse.headers()['content-type']).toBe('application/pdf');
	expect((await documentResponse.body()).toString()).toContain('Ratsbeschluss Vielfalt');
	const adoptedPdf = await page.request.get((await decision.getByRole('link', { name: 'Beschlossener Text als PDF' }).getAttribute('href'))!);
	expect(adoptedPdf.headers()['content-type']).toBe('application/pdf');
	expect(adoptedPdf.headers()['cache-control']).toMatch(/^public, max-age=\d+$/);
	expect(adoptedPdf.headers().etag).toBeTruthy();
	const revalidated = await page.request.get(`${edition}/document.pdf`, { headers: { 'If-None-Match': adoptedPdf.headers().etag } });
	expect(revalidated.status()).toBe(304);
	await decision.getByRole('link', { name: 'Beschlossenen Text lesen (Fassung 1)' }).click();
	await expect(page.getByText('Vielfalt prägt unsere Gremien.')).toBeVisible();
	await checkPage(page);

	// The strategy page lists the edition with its decision and the adopted text.
	await visit(strategy);
	await expect(page.getByText(/^Ratsbeschluss vom /)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Beschlossener Text für 2027–2032 als PDF' })).toHaveAttribute('href', `${edition}/document.pdf`);
});
