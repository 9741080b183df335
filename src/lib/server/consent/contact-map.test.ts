import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { getMunicipalityForAdmin, updateMunicipalitySettings } from '../tenancy/tenancy.admin';
import { municipalitySettingsSchema } from '$lib/validation/tenancy';
import { contactMapOf } from './contact-map';
import type { Cookies } from '@sveltejs/kit';

let test: TestDatabase;
beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [{ slug: 'stadt', name: 'Stadt', contact: { office: 'Büro für Integration' } }],
		accounts: [{ email: 'plattform@example.org', name: 'Plattform', password: 'passwort-plattform', isPlatformAdmin: true }]
	});
});
afterAll(() => test.drop());

const form = (contact: Record<string, string>) =>
	municipalitySettingsSchema.safeParse({ name: 'Stadt', region: '', timeZone: 'Europe/Berlin', description: '', firstWeekday: '', contact: { office: 'Büro für Integration', street: '', postalCode: '', city: '', phone: '', fax: '', email: '', web: '', openingHours: '', ...contact } });
const errorsOf = (result: ReturnType<typeof form>) => (result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message])));

it('an office position is taken with a decimal point or comma, and empty fields mean no map', () => {
	const result = form({ latitude: '51,96191', longitude: '7.62826' });
	expect(result.success && result.data.contact).toMatchObject({ latitude: 51.96191, longitude: 7.62826 });
	const none = form({ latitude: '', longitude: '' });
	expect(none.success && none.data.contact).toMatchObject({ latitude: null, longitude: null });
});

it('an office position outside the globe, in words, or with one half missing is refused with a message per field', () => {
	expect(errorsOf(form({ latitude: '91', longitude: '7.6' }))).toEqual({ 'contact.latitude': 'validation_consent_coordinate_range' });
	expect(errorsOf(form({ latitude: '51.9', longitude: '181' }))).toEqual({ 'contact.longitude': 'validation_consent_coordinate_range' });
	expect(errorsOf(form({ latitude: 'Rathaus', longitude: '7.6' }))).toEqual({ 'contact.latitude': 'validation_consent_coordinate' });
	expect(errorsOf(form({ latitude: '51.9', longitude: '' }))).toEqual({ 'contact.longitude': 'validation_consent_coordinates_both' });
});

it('a stored office position gives the public pages a map that waits for consent; without a position there is no map', async () => {
	const municipalityId = test.ids.municipalityIds.get('stadt')!;
	const admin: Actor = { userId: test.ids.accountIds.get('plattform@example.org')!, name: 'Plattform', email: 'plattform@example.org', isPlatformAdmin: true, memberships: [] };
	const parsed = form({ latitude: '51.96191', longitude: '7.62826' });
	if (!parsed.success) throw new Error('valid input refused');
	await updateMunicipalitySettings({ db: test.db, actor: admin, municipalityId, input: parsed.data });
	const { contactPoint } = await getMunicipalityForAdmin({ db: test.db, actor: admin, slug: 'stadt' });
	expect(contactPoint).toMatchObject({ office: 'Büro für Integration', latitude: 51.96191, longitude: 7.62826 });

	const cookies = { get: () => undefined, delete: () => undefined } as unknown as Cookies;
	const locals = {} as App.Locals;
	const map = contactMapOf(cookies, locals, contactPoint);
	expect(map?.consent.allowed).toBe(false);
	expect(map?.src).toContain('marker=51.96191,7.62826');
	expect(locals.frameOrigins).toEqual(['https://www.openstreetmap.org']);
	expect(contactMapOf(cookies, {} as App.Locals, { ...contactPoint!, latitude: null, longitude: null })).toBeNull();
});
