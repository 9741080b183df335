import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import type { MunicipalitySettingsInput, NewMunicipalityInput } from '$lib/validation/tenancy';
import { addDistrict, createMunicipality, getMunicipalityForAdmin, removeDistrict, renameDistrict, updateMunicipalitySettings } from './tenancy.admin';
import { contactPoints, districts, municipalities } from './tenancy.schema';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', contact: { office: 'Rathaus A' }, districts: ['Mitte'] },
			{ slug: 'b-dorf', name: 'B-Dorf', contact: { office: 'Rathaus B' } }
		],
		accounts: [
			{ email: 'admin-a@example.org', name: 'Admin A', password: 'passwort-admin-a', roles: [{ municipality: 'a-stadt', role: 'admin' }] },
			{ email: 'plattform@example.org', name: 'Plattform', password: 'passwort-plattform', isPlatformAdmin: true }
		]
	});
});
afterAll(() => test.drop());

const municipalityId = (slug: string) => test.ids.municipalityIds.get(slug)!;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return {
		userId: user.id,
		name: user.name,
		email: user.email,
		isPlatformAdmin: user.isPlatformAdmin,
		memberships: await selectRolesOfUser(test.db, user.id)
	};
}

const auditOf = (id: string) => test.db.select().from(auditEvents).where(eq(auditEvents.municipalityId, id));
const allMunicipalities = () => test.db.select().from(municipalities);

const contact = { office: 'Bürgerbüro', street: '', postalCode: '', city: '', phone: '', fax: '', email: '', web: '', openingHours: '', latitude: null, longitude: null };
const settings = (name: string): MunicipalitySettingsInput => ({
	name,
	region: 'Münsterland',
	timeZone: 'Europe/Berlin',
	description: 'Neu beschrieben',
	firstWeekday: null,
	contact
});
const newMunicipality = (slug: string): NewMunicipalityInput => ({ ...settings(`Neu ${slug}`), slug });

describe('municipality settings', () => {
	it('the admin of one municipality cannot change the settings of another, and nothing is written', async () => {
		const adminA = await actorOf('admin-a@example.org');
		const before = await getMunicipalityForAdmin({ db: test.db, actor: await actorOf('plattform@example.org'), slug: 'b-dorf' });
		expect(
			await codeOf(updateMunicipalitySettings({ db: test.db, actor: adminA, municipalityId: municipalityId('b-dorf'), input: settings('Übernommen') }))
		).toBe('error_forbidden');
		expect(await codeOf(getMunicipalityForAdmin({ db: test.db, actor: adminA, slug: 'b-dorf' }))).toBe('error_forbidden');
		const after = await getMunicipalityForAdmin({ db: test.db, actor: await actorOf('plattform@example.org'), slug: 'b-dorf' });
		expect(after).toEqual(before);
		expect(await auditOf(municipalityId('b-dorf'))).toEqual([]);
	});

	it('anyone not signed in is refused before anything is read', async () => {
		expect(
			await codeOf(updateMunicipalitySettings({ db: test.db, actor: null, municipalityId: municipalityId('a-stadt'), input: settings('Anonym') }))
		).toBe('error_not_signed_in');
	});

	it('a change of settings writes one audit event with the state before and after', async () => {
		const adminA = await actorOf('admin-a@example.org');
		const auditBefore = await auditOf(municipalityId('a-stadt'));
		await updateMunicipalitySettings({ db: test.db, actor: adminA, municipalityId: municipalityId('a-stadt'), input: settings('A-Stadt (neu)') });
		const added = (await auditOf(municipalityId('a-stadt'))).filter((event) => !auditBefore.some((old) => old.id === event.id));
		expect(added).toHaveLength(1);
		expect(added[0]).toMatchObject({
			action: 'update',
			entityType: 'municipality',
			entityId: municipalityId('a-stadt'),
			actorUserId: adminA.userId,
			actorLabel: 'Admin A <admin-a@example.org>',
			before: { name: 'A-Stadt', contactPoint: { office: 'Rathaus A' } },
			after: { name: 'A-Stadt (neu)', description: 'Neu beschrieben', contactPoint: { office: 'Bürgerbüro' } }
		});
	});

	it("an admin lets the municipality's calendar start on Sunday, with opening hours in the contact box", async () => {
		const adminA = await actorOf('admin-a@example.org');
		await updateMunicipalitySettings({
			db: test.db,
			actor: adminA,
			municipalityId: municipalityId('a-stadt'),
			input: { ...settings('A-Stadt'), firstWeekday: 7, contact: { ...contact, openingHours: 'Mo–Fr 8–12 Uhr' } }
		});
		const stored = await getMunicipalityForAdmin({ db: test.db, actor: adminA, slug: 'a-stadt' });
		expect(stored.firstWeekday).toBe(7);
		expect(stored.contactPoint?.openingHours).toBe('Mo–Fr 8–12 Uhr');
	});
});

describe('new municipalities', () => {
	it('a platform admin creates a municipality with its contact point and one audit event', async () => {
		const platformAdmin = await actorOf('plattform@example.org');
		const created = await createMunicipality({ db: test.db, actor: platformAdmin, input: newMunicipality('c-hausen') });
		expect(created).toMatchObject({ slug: 'c-hausen', name: 'Neu c-hausen' });
		const [contactPoint] = await test.db.select().from(contactPoints).where(eq(contactPoints.municipalityId, created.id));
		expect(contactPoint.office).toBe('Bürgerbüro');
		const events = await auditOf(created.id);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ action: 'create', entityType: 'municipality', before: null, after: { slug: 'c-hausen' } });
	});

	it('an admin of a municipality who is no platform admin cannot create one, and nothing is written', async () => {
		const before = await allMunicipalities();
		expect(
			await codeOf(createMunicipality({ db: test.db, actor: await actorOf('admin-a@example.org'), input: newMunicipality('d-stadt') }))
		).toBe('error_forbidden');
		expect(await codeOf(createMunicipality({ db: test.db, actor: null, input: newMunicipality('d-stadt') }))).toBe('error_not_signed_in');
		expect(await allMunicipalities()).toEqual(before);
	});

	it('a slug that is taken is refused and nothing is written', async () => {
		const before = await allMunicipalities();
		const contactsBefore = await test.db.select().from(contactPoints);
		const auditBefore = await test.db.select().from(auditEvents);
		expect(
			await codeOf(createMunicipality({ db: test.db, actor: await actorOf('plattform@example.org'), input: newMunicipality('a-stadt') }))
		).toBe('tenancy_slug_taken');
		expect(await allMunicipalities()).toEqual(before);
		expect(await test.db.select().from(contactPoints)).toEqual(contactsBefore);
		expect(await test.db.select().from(auditEvents)).toEqual(auditBefore);
	});
});

describe('districts', () => {
	it('a district is added once, with one audit event; adding it again is refused', async () => {
		const adminA = await actorOf('admin-a@example.org');
		const id = municipalityId('a-stadt');
		const created = await addDistrict({ db: test.db, actor: adminA, municipalityId: id, name: 'Nord-Ost' });
		expect(created).toMatchObject({ name: 'Nord-Ost', slug: 'nord-ost', position: 1 });
		const events = (await auditOf(id)).filter((event) => event.entityType === 'district');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ action: 'create', entityId: created.id, before: null, after: { name: 'Nord-Ost' } });

		// Same slug once slugified: "Nord Ost" would shadow the address of "Nord-Ost".
		expect(await codeOf(addDistrict({ db: test.db, actor: adminA, municipalityId: id, name: 'Nord Ost' }))).toBe('tenancy_district_slug_taken');
		expect(await codeOf(addDistrict({ db: test.db, actor: adminA, municipalityId: id, name: 'Mitte' }))).toBe('tenancy_district_slug_taken');
		const rows = await test.db.select().from(districts).where(eq(districts.municipalityId, id));
		expect(rows.map((row) => row.name).sort()).toEqual(['Mitte', 'Nord-Ost']);
		expect((await auditOf(id)).filter((event) => event.entityType === 'district')).toHaveLength(1);
	});

	it('renaming and removing a district each write one audit event with the state before and after', async () => {
		const adminA = await actorOf('admin-a@example.org');
		const id = municipalityId('a-stadt');
		const district = await addDistrict({ db: test.db, actor: adminA, municipalityId: id, name: 'Süd' });
		const eventsOf = async () => (await auditOf(id)).filter((event) => event.entityId === district.id);

		await renameDistrict({ db: test.db, actor: adminA, municipalityId: id, districtId: district.id, name: 'Süd-West' });
		const renamed = (await eventsOf()).filter((event) => event.action === 'update');
		expect(renamed).toHaveLength(1);
		expect(renamed[0]).toMatchObject({ before: { name: 'Süd', slug: 'sued' }, after: { name: 'Süd-West', slug: 'sued' } });

		await removeDistrict({ db: test.db, actor: adminA, municipalityId: id, districtId: district.id });
		const removed = (await eventsOf()).filter((event) => event.action === 'delete');
		expect(removed).toHaveLength(1);
		expect(removed[0]).toMatchObject({ before: { name: 'Süd-West' }, after: null });
		expect(await eventsOf()).toHaveLength(3);
	});

	it('a district of one municipality cannot be renamed or removed through another', async () => {
		const platformAdmin = await actorOf('plattform@example.org');
		const [mitte] = await test.db.select().from(districts).where(eq(districts.municipalityId, municipalityId('a-stadt')));
		// Even an actor allowed in both must name the district's own municipality.
		expect(
			await codeOf(renameDistrict({ db: test.db, actor: platformAdmin, municipalityId: municipalityId('b-dorf'), districtId: mitte.id, name: 'Weg' }))
		).toBe('tenancy_district_not_found');
		expect(
			await codeOf(removeDistrict({ db: test.db, actor: platformAdmin, municipalityId: municipalityId('b-dorf'), districtId: mitte.id }))
		).toBe('tenancy_district_not_found');
		const [after] = await test.db.select().from(districts).where(eq(districts.id, mitte.id));
		expect(after.name).toBe(mitte.name);
	});

	it('the admin of one municipality cannot add a district to another', async () => {
		const id = municipalityId('b-dorf');
		expect(await codeOf(addDistrict({ db: test.db, actor: await actorOf('admin-a@example.org'), municipalityId: id, name: 'Kirchdorf' }))).toBe(
			'error_forbidden'
		);
		expect(await test.db.select().from(districts).where(eq(districts.municipalityId, id))).toEqual([]);
	});
});
