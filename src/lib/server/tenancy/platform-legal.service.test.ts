import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { platformLegalPageSchema } from '$lib/validation/platform-legal';
import { getPlatformLegalAdmin, getPlatformLegalPage, savePlatformLegalPage } from './platform-legal.service';

let test: TestDatabase;
beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [{ slug: 'stadt', name: 'Stadt' }],
		accounts: [
			{ email: 'plattform@example.org', name: 'Plattform', password: 'passwort-plattform', isPlatformAdmin: true },
			{ email: 'admin@stadt.example.org', name: 'Admin', password: 'passwort-admin', roles: [{ municipality: 'stadt', role: 'admin' }] }
		]
	});
});
afterAll(() => test.drop());

const platformAdmin = (): Actor => ({ userId: test.ids.accountIds.get('plattform@example.org')!, name: 'Plattform', email: 'plattform@example.org', isPlatformAdmin: true, memberships: [] });
const municipalAdmin = (): Actor => ({
	userId: test.ids.accountIds.get('admin@stadt.example.org')!,
	name: 'Admin',
	email: 'admin@stadt.example.org',
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get('stadt')!, municipalitySlug: 'stadt', municipalityName: 'Stadt', role: 'admin' }]
});

it('an unwritten platform imprint is an empty page, not an error', async () => {
	expect(await getPlatformLegalPage({ db: test.db, kind: 'imprint' })).toEqual({ kind: 'imprint', html: '', updatedAt: null });
});

it('only a platform admin writes the platform’s legal pages; a municipality’s admin is refused and nothing is stored', async () => {
	const input = platformLegalPageSchema.parse({ kind: 'accessibility', body: 'Von der Stadt geändert' });
	await expect(savePlatformLegalPage({ db: test.db, actor: municipalAdmin(), input })).rejects.toMatchObject({ code: 'error_forbidden' });
	await expect(getPlatformLegalAdmin({ db: test.db, actor: municipalAdmin() })).rejects.toMatchObject({ code: 'error_forbidden' });
	expect((await getPlatformLegalPage({ db: test.db, kind: 'accessibility' })).html).toBe('');
});

it('the platform imprint is rendered from markdown with scripts removed, and a second save replaces the first', async () => {
	await savePlatformLegalPage({ db: test.db, actor: platformAdmin(), input: platformLegalPageSchema.parse({ kind: 'imprint', body: 'Erste Fassung' }) });
	await savePlatformLegalPage({
		db: test.db,
		actor: platformAdmin(),
		input: platformLegalPageSchema.parse({ kind: 'imprint', body: '## Betrieb\n\nVerein Beispiel e. V.<script>alert(1)</script>' })
	});
	const page = await getPlatformLegalPage({ db: test.db, kind: 'imprint' });
	expect(page.html).toContain('<h2');
	expect(page.html).toContain('Verein Beispiel e. V.');
	expect(page.html).not.toContain('<script');
	expect(page.html).not.toContain('Erste Fassung');
	const pages = await getPlatformLegalAdmin({ db: test.db, actor: platformAdmin() });
	expect(pages.map((p) => [p.kind, p.body.length > 0])).toEqual([
		['imprint', true],
		['accessibility', false]
	]);
});

it('a platform legal page of an unknown kind is refused at the form', () => {
	expect(platformLegalPageSchema.safeParse({ kind: 'privacy', body: 'x' }).success).toBe(false);
});
