import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Mail } from '../mail/mail.service';
import { createEvent, recordAttendance } from '../participation/event.admin';
import { registerForEvent } from '../participation/event.service';
import { commentOnIdea, getIdeasEdition, listIdeaFields, reportContent, submitIdea, supportIdea } from '../participation/idea.service';
import { addWorkingGroupMember, createWorkingGroup } from '../participation/working-group.service';
import { isDomainError } from '../shared/errors';
import { eventSchema } from '$lib/validation/events';
import { organisationSchema } from '$lib/validation/organisation';
import type { Actor } from './actor';
import { deleteAccount, exportAccountData } from './account.service';
import { answerInvitation, inviteOrganisations } from './invitation.service';
import { declareMembership, getMembershipsOfAccount, removeOwnMembership } from './membership.service';
import { createOrganisation, getOrganisationForStaff } from './organisation.service';

let test: TestDatabase;
let stadt: string;
let dorf: string;
const organisations = new Map<string, { id: string; slug: string }>();
const sent: Mail[] = [];
const mail = { mailer: { send: async (message: Mail) => void sent.push(message) }, origin: 'https://leitbild.example.org' };

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email.split('@')[0],
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});
const ada = () => actor('ada@example.org', 'stadt', 'participant');
const bert = () => actor('bert@example.org', 'stadt', 'participant');
const facilitator = () => actor('begleitung@stadt.example.org', 'stadt', 'facilitator');

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);

beforeAll(async () => {
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'stadt',
				name: 'Stadt',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'participating', fields: [{ title: 'Sprache' }] }] }]
			},
			{ slug: 'dorf', name: 'Dorf' }
		],
		accounts: [
			{ email: 'ada@example.org', name: 'Ada', password, roles: [{ municipality: 'stadt', role: 'participant' }] },
			{ email: 'bert@example.org', name: 'Bert', password, roles: [{ municipality: 'stadt', role: 'participant' }] },
			{ email: 'begleitung@stadt.example.org', name: 'Begleitung', password, roles: [{ municipality: 'stadt', role: 'facilitator' }] },
			{ email: 'begleitung@dorf.example.org', name: 'Dorf', password, roles: [{ municipality: 'dorf', role: 'facilitator' }] }
		]
	});
	stadt = test.ids.municipalityIds.get('stadt')!;
	dorf = test.ids.municipalityIds.get('dorf')!;
	for (const [name, municipalityId, who] of [
		['Sprachcafé Nord', stadt, facilitator()],
		['Elterninitiative', stadt, facilitator()],
		['Dorfverein', dorf, actor('begleitung@dorf.example.org', 'dorf', 'facilitator')]
	] as const) {
		const created = await createOrganisation({ db: test.db, actor: who, municipalityId, input: organisationSchema.parse({ name, sector: 'association', email: `kontakt@${name.length}.example.org` }) });
		organisations.set(name, created);
	}
});
afterAll(() => test.drop());

const declare = (who: Actor, name: string, municipalityId = stadt) =>
	declareMembership({ db: test.db, actor: who, input: { municipalityId, organisationId: organisations.get(name)!.id } });

it('a signed-in person declares a membership as "member", and facilitators see it in the registry', async () => {
	await declare(ada(), 'Sprachcafé Nord');
	const view = await getMembershipsOfAccount({ db: test.db, actor: ada() });
	expect(view.memberships).toEqual([expect.objectContaining({ organisationName: 'Sprachcafé Nord', role: 'member', municipalityName: 'Stadt' })]);
	expect(view.chosenMunicipality?.slug).toBe('stadt');
	expect(view.organisations.map((organisation) => organisation.name)).toEqual(['Elterninitiative', 'Sprachcafé Nord']);
	const { members } = await getOrganisationForStaff({ db: test.db, actor: facilitator(), municipalityId: stadt, slug: organisations.get('Sprachcafé Nord')!.slug });
	expect(members).toEqual([expect.objectContaining({ name: 'ada', email: 'ada@example.org', role: 'member' })]);
	expect(await codeOf(declare(ada(), 'Sprachcafé Nord'))).toBe('memberships_already_declared');
});

it('an organisation is chosen only from the municipality named in the form', async () => {
	expect(await codeOf(declare(ada(), 'Dorfverein', stadt))).toBe('memberships_organisation_unknown');
	expect(await codeOf(declareMembership({ db: test.db, actor: null, input: { municipalityId: stadt, organisationId: organisations.get('Elterninitiative')!.id } }))).toBe('error_not_signed_in');
	expect((await getMembershipsOfAccount({ db: test.db, actor: ada() })).memberships).toHaveLength(1);
});

it('nobody removes another person’s membership; each removes their own', async () => {
	await declare(bert(), 'Elterninitiative');
	const [bertsMembership] = (await getMembershipsOfAccount({ db: test.db, actor: bert() })).memberships;
	expect(await codeOf(removeOwnMembership({ db: test.db, actor: ada(), membershipId: bertsMembership.id }))).toBe('memberships_not_found');
	expect((await getMembershipsOfAccount({ db: test.db, actor: bert() })).memberships).toHaveLength(1);
	await removeOwnMembership({ db: test.db, actor: bert(), membershipId: bertsMembership.id });
	expect((await getMembershipsOfAccount({ db: test.db, actor: bert() })).memberships).toEqual([]);
});

it('the data export holds the person’s rows from every domain and nothing about anyone else', async () => {
	const edition = await getIdeasEdition({ db: test.db, municipalityId: stadt, strategySlug: 'vielfalt', number: 1 });
	const [field] = await listIdeaFields({ db: test.db, municipalityId: stadt, editionId: edition.id });
	const event = await createEvent({
		db: test.db,
		actor: facilitator(),
		municipalityId: stadt,
		input: eventSchema.parse({ type: 'workshop', title: 'Werkstatt Sprache', startsAt: '2099-05-04T17:00', endsAt: '2099-05-04T20:00', capacity: '30' })
	});
	const group = await createWorkingGroup({ db: test.db, actor: facilitator(), municipalityId: stadt, input: { name: 'Fachgruppe Sprache', description: '', editionId: edition.id, fieldId: field.id } });
	const traces: Record<string, string> = {};
	const present: string[] = [];
	for (const who of [ada(), bert()]) {
		const scope = { db: test.db, actor: who, municipalityId: stadt };
		const idea = await submitIdea({ ...scope, editionId: edition.id, input: { title: `Idee von ${who.name}`, body: 'Mehr Sprachcafés', fieldId: field.id, districtId: null } });
		const comment = await commentOnIdea({ ...scope, ideaId: idea.id, input: { body: `Kommentar von ${who.name}`, parentId: null } });
		await supportIdea({ ...scope, ideaId: idea.id });
		await reportContent({ ...scope, ideaId: idea.id, input: { reason: `Meldung von ${who.name}`, commentId: comment.id } });
		const { registration } = await registerForEvent({ ...scope, eventId: event.id, guest: undefined, locale: 'de', now: new Date(), mail });
		present.push(registration.id);
		await addWorkingGroupMember({ db: test.db, actor: facilitator(), municipalityId: stadt, groupId: group.id, member: { name: who.name, email: who.email, role: 'Mitglied' } });
		traces[who.name] = idea.id;
	}
	await recordAttendance({ db: test.db, actor: facilitator(), municipalityId: stadt, eventId: event.id, present });
	await declare(ada(), 'Elterninitiative');
	sent.splice(0);
	await inviteOrganisations({ db: test.db, actor: facilitator(), municipalityId: stadt, strategySlug: 'vielfalt', number: 1, organisationIds: [organisations.get('Elterninitiative')!.id], locale: 'de', mail });
	const token = /\/invitations\/([\w-]+)/.exec(sent[0].text)![1];
	await answerInvitation({ db: test.db, token, actor: ada(), answer: { answer: 'accepted', message: 'Ada sagt zu.' } });

	const exported = await exportAccountData({ db: test.db, actor: ada() });
	const contributions = exported.contributions as Record<string, Record<string, unknown>[]>;
	for (const key of ['registryEntries', 'organisationMemberships', 'ideas', 'comments', 'supports', 'reports', 'eventRegistrations', 'workingGroupMemberships', 'invitationAnswers']) {
		expect(contributions[key], key).not.toHaveLength(0);
	}
	expect(contributions.ideas).toEqual([expect.objectContaining({ id: traces.ada, title: 'Idee von ada' })]);
	expect(contributions.comments).toEqual([expect.objectContaining({ body: 'Kommentar von ada' })]);
	expect(contributions.reports).toEqual([expect.objectContaining({ reason: 'Meldung von ada' })]);
	expect(contributions.eventRegistrations).toEqual([expect.objectContaining({ eventTitle: 'Werkstatt Sprache', status: 'confirmed', attended: true })]);
	expect(contributions.organisationMemberships.map((row) => row.organisationName).sort()).toEqual(['Elterninitiative', 'Sprachcafé Nord']);
	expect(contributions.invitationAnswers).toEqual([expect.objectContaining({ organisation: 'Elterninitiative', status: 'accepted', responseMessage: 'Ada sagt zu.' })]);
	expect(exported.account.email).toBe('ada@example.org');
	const text = JSON.stringify(exported);
	for (const foreign of ['bert', traces.bert, 'Kommentar von bert', 'Meldung von bert', test.ids.accountIds.get('bert@example.org')!]) expect(text).not.toContain(foreign);
});

it('a deleted account leaves no person row, name or address in the registry', async () => {
	await deleteAccount({ db: test.db, actor: ada(), password: 'long-enough-password' });
	const { members } = await getOrganisationForStaff({ db: test.db, actor: facilitator(), municipalityId: stadt, slug: organisations.get('Sprachcafé Nord')!.slug });
	expect(members).toEqual([]);
});
