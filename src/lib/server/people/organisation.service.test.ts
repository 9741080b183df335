import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { isDomainError } from '../shared/errors';
import { listAuditEvents } from '../audit/audit.service';
import type { Actor } from './actor';
import { organisationSchema, organisationFilterSchema } from '$lib/validation/organisation';
import {
	addMember,
	createOrganisation,
	getOrganisationForStaff,
	listOrganisationsForStaff,
	listPublicOrganisations,
	updateOrganisation
} from './organisation.service';

let test: TestDatabase;
let muenster: string;
let greven: string;
let facilitatorOfMuenster: Actor;
let facilitatorOfGreven: Actor;
let participantOfMuenster: Actor;
let adminOfMuenster: Actor;

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});

const organisation = (fields: Record<string, string>) => organisationSchema.parse({ sector: 'association', ...fields });
const allFilter = organisationFilterSchema.parse({});

beforeAll(async () => {
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'muenster', name: 'Münster', districts: ['Mitte', 'Hiltrup'] },
			{ slug: 'greven', name: 'Greven' }
		],
		accounts: [
			{ email: 'begleitung@muenster.example.org', name: 'B', password, roles: [{ municipality: 'muenster', role: 'facilitator' }] },
			{ email: 'verwaltung@muenster.example.org', name: 'V', password, roles: [{ municipality: 'muenster', role: 'admin' }] },
			{ email: 'begleitung@greven.example.org', name: 'G', password, roles: [{ municipality: 'greven', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'T', password, roles: [{ municipality: 'muenster', role: 'participant' }] }
		]
	});
	muenster = test.ids.municipalityIds.get('muenster')!;
	greven = test.ids.municipalityIds.get('greven')!;
	facilitatorOfMuenster = actor('begleitung@muenster.example.org', 'muenster', 'facilitator');
	adminOfMuenster = actor('verwaltung@muenster.example.org', 'muenster', 'admin');
	facilitatorOfGreven = actor('begleitung@greven.example.org', 'greven', 'facilitator');
	participantOfMuenster = actor('teilnahme@example.org', 'muenster', 'participant');
});
afterAll(() => test.drop());

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);

it('a facilitator adds an organisation to the registry, recorded in the audit log', async () => {
	const created = await createOrganisation({
		db: test.db,
		actor: facilitatorOfMuenster,
		municipalityId: muenster,
		input: organisation({ name: 'Kulturverein Süd', listedPublicly: 'on' })
	});
	expect(created.slug).toBe('kulturverein-sued');
	const { events } = await listAuditEvents({ db: test.db, actor: adminOfMuenster, municipalityId: muenster });
	expect(events[0]).toMatchObject({ entityType: 'organisation', action: 'create', entityId: created.id });
});

it('the same name cannot be registered twice in one municipality, but in another', async () => {
	expect(
		await codeOf(
			createOrganisation({ db: test.db, actor: facilitatorOfMuenster, municipalityId: muenster, input: organisation({ name: 'KULTURVEREIN SÜD' }) })
		)
	).toBe('organisations_name_taken');
	await createOrganisation({ db: test.db, actor: facilitatorOfGreven, municipalityId: greven, input: organisation({ name: 'Kulturverein Süd' }) });
});

it('a participant may not keep the registry', async () => {
	expect(
		await codeOf(createOrganisation({ db: test.db, actor: participantOfMuenster, municipalityId: muenster, input: organisation({ name: 'X' }) }))
	).toBe('error_forbidden');
	expect(await codeOf(listOrganisationsForStaff({ db: test.db, actor: participantOfMuenster, municipalityId: muenster, filter: allFilter }))).toBe(
		'error_forbidden'
	);
});

it("greven's facilitator never sees muenster's organisations or people", async () => {
	await addMember({
		db: test.db,
		actor: facilitatorOfMuenster,
		municipalityId: muenster,
		slug: 'kulturverein-sued',
		input: { name: 'Ada Beispiel', email: 'ada@example.org', role: 'contact' }
	});
	expect(await codeOf(listOrganisationsForStaff({ db: test.db, actor: facilitatorOfGreven, municipalityId: muenster, filter: allFilter }))).toBe(
		'error_forbidden'
	);
	expect(
		await codeOf(getOrganisationForStaff({ db: test.db, actor: facilitatorOfGreven, municipalityId: muenster, slug: 'kulturverein-sued' }))
	).toBe('error_forbidden');
	// In its own municipality the same slug names greven's organisation, without muenster's members.
	const own = await getOrganisationForStaff({ db: test.db, actor: facilitatorOfGreven, municipalityId: greven, slug: 'kulturverein-sued' });
	expect(own.organisation.municipalityId).toBe(greven);
	expect(own.members).toEqual([]);
	const theirs = await getOrganisationForStaff({ db: test.db, actor: facilitatorOfMuenster, municipalityId: muenster, slug: 'kulturverein-sued' });
	expect(theirs.members.map((member) => member.name)).toEqual(['Ada Beispiel']);
});

it('a district of another municipality is refused', async () => {
	const [otherDistrict] = await test.db.query.districts.findMany({ limit: 1 });
	const wrong = await createOrganisation({
		db: test.db,
		actor: facilitatorOfGreven,
		municipalityId: greven,
		input: organisation({ name: 'Bezirksverein' })
	}).then(() =>
		codeOf(
			updateOrganisation({
				db: test.db,
				actor: facilitatorOfGreven,
				municipalityId: greven,
				slug: 'bezirksverein',
				input: organisation({ name: 'Bezirksverein', districtId: otherDistrict.id })
			})
		)
	);
	expect(wrong).toBe('organisations_district_unknown');
});

it('the public list shows only organisations that agreed to be listed, with counts per sector', async () => {
	await createOrganisation({
		db: test.db,
		actor: facilitatorOfMuenster,
		municipalityId: muenster,
		input: organisation({ name: 'Stille Hochschulgruppe', sector: 'university' })
	});
	await createOrganisation({
		db: test.db,
		actor: facilitatorOfMuenster,
		municipalityId: muenster,
		input: organisation({ name: 'Offene Hochschulgruppe', sector: 'university', listedPublicly: 'on' })
	});
	const list = await listPublicOrganisations({ db: test.db, municipalityId: muenster, filter: allFilter });
	expect(list.organisations.map((row) => row.name)).toEqual(['Kulturverein Süd', 'Offene Hochschulgruppe']);
	expect(list.sectors.find((row) => row.sector === 'university')?.total).toBe(1);
	expect(list.sectors.find((row) => row.sector === 'association')?.total).toBe(1);
	const universities = await listPublicOrganisations({
		db: test.db,
		municipalityId: muenster,
		filter: organisationFilterSchema.parse({ sector: 'university' })
	});
	expect(universities.organisations.map((row) => row.name)).toEqual(['Offene Hochschulgruppe']);
});

it('withdrawing consent removes an organisation from the public list; giving it again dates it anew', async () => {
	await updateOrganisation({
		db: test.db,
		actor: facilitatorOfMuenster,
		municipalityId: muenster,
		slug: 'offene-hochschulgruppe',
		input: organisation({ name: 'Offene Hochschulgruppe', sector: 'university' })
	});
	const list = await listPublicOrganisations({ db: test.db, municipalityId: muenster, filter: allFilter });
	expect(list.organisations.map((row) => row.name)).toEqual(['Kulturverein Süd']);
});

it('the staff list searches by name and pages through the registry', async () => {
	const found = await listOrganisationsForStaff({
		db: test.db,
		actor: facilitatorOfMuenster,
		municipalityId: muenster,
		filter: organisationFilterSchema.parse({ q: 'hochschul' })
	});
	expect(found.organisations.map((row) => row.name)).toEqual(['Offene Hochschulgruppe', 'Stille Hochschulgruppe']);
	const percent = await listOrganisationsForStaff({
		db: test.db,
		actor: facilitatorOfMuenster,
		municipalityId: muenster,
		filter: organisationFilterSchema.parse({ q: '%' })
	});
	expect(percent.total).toBe(0);
});
