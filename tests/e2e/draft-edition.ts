import type { Page } from '@playwright/test';
import { expect, signIn } from './fixtures';

export type Draft = { slug: string; title: string; field: string; goal: string };

/** An admin opens a strategy of its own (so the demo's editions stay as other specs expect) with a first edition in the drafting stage; ends signed out. */
export async function openDraftingEdition(page: Page, visit: (path: string) => Promise<void>, { slug, title }: { slug: string; title: string }): Promise<string> {
	const strategy = `/muenster/strategies/${slug}`;
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await visit('/admin/muenster/strategies');
	await page.getByLabel('Kurzbezeichnung in Adressen').fill(slug);
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByRole('button', { name: 'Anlegen' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin${strategy}$`));
	await visit(`/admin${strategy}/editions/new`);
	await page.getByLabel('Nummer der Auflage').fill('1');
	await page.getByLabel('Zeitraum ab (Jahr)').fill('2027');
	await page.getByLabel('Zeitraum bis (Jahr)').fill('2032');
	await page.getByLabel('Aktuelle Phase').selectOption({ label: 'Entwurf' });
	await page.getByRole('button', { name: 'Anlegen' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin${strategy}/editions/1$`));
	await page.context().clearCookies();
	return strategy;
}

/**
 * A strategy of its own with a first edition in the drafting stage and a published first version
 * (one field, one goal), so that a spec can comment on it while the demo's editions and the other
 * specs' strategies stay as they expect. Ends with the facilitator still signed in.
 */
export async function publishDraftForComments(page: Page, visit: (path: string) => Promise<void>, draft: Draft): Promise<string> {
	const strategy = await openDraftingEdition(page, visit, draft);
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit(`/admin${strategy}/editions/1/document`);
	const newField = page.getByRole('form', { name: 'Neues Handlungsfeld' });
	await newField.getByLabel('Titel').fill(draft.field);
	await newField.getByRole('button', { name: 'Hinzufügen' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await page.getByRole('link', { name: `Ziele und Maßnahmen bearbeiten: ${draft.field}` }).click();
	const newGoal = page.getByRole('form', { name: `Neues Ziel in „${draft.field}“` });
	await newGoal.getByLabel('Titel').fill(draft.goal);
	await newGoal.getByRole('button', { name: 'Ziel hinzufügen' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await page.getByRole('link', { name: 'Zurück zum ganzen Dokument' }).click();
	const publish = page.getByRole('form', { name: /Fassung 1 veröffentlichen/ });
	await publish.getByLabel('Titel der Fassung').fill('Entwurf 1');
	await publish.getByLabel('Was hat sich geändert?').fill('Erster Entwurf zur Kommentierung.');
	await publish.getByRole('button', { name: 'Fassung veröffentlichen' }).click();
	await expect(page.getByRole('link', { name: 'Fassung 1: Entwurf 1' })).toBeVisible();
	return `${strategy}/editions/1/document`;
}
