import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Mail } from '../mail/mail.service';
import { isDomainError } from '../shared/errors';
import type { Actor } from './actor';
import { organisationSchema } from '$lib/validation/organisation';
import { invitationFilterSchema } from '$lib/validation/invitation';
import { createOrganisation } from './organisation.service';
import { selectInvitationByTokenHash } from './invitation.queries';
import {
	answerInvitation,
	getInvitationByToken,
	getInvitationsForStaff,
	hashInvitationToken,
	inviteOrganisations,
	resendInvitation,
	summariseInvitations
} from './invitation.service';

let test: TestDatabase;
let muenster: string;
let greven: string;
let facilitator: Actor;
let facilitatorOfGreven: Actor;
let participant: Actor;
let admin: Actor;
const sent: Mail[] = [];
const mail = { mailer: { send: async (message: Mail) => void sent.push(message) }, origin: 'https://leitbild.example.org' };
const edition = { strategySlug: 'migration', number: 4 };
const organisationIds = new Map<string, string>();

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);

const tokenOf = (message: Mail) => /\/invitations\/([\w-]+)/.exec(message.text)![1];
const staffView = (who: Actor = facilitator) =>
	getInvitationsForStaff({ db: test.db, actor: who, municipalityId: muenster, ...edition, filter: invitationFilterSchema.parse({}) });

beforeAll(async () => {
	const password = 'long-enough-password';
	const strategies = [{ slug: 'migration', title: 'Leitbild Migration und Integration', editions: [{ number: 4, periodStart: 2025, periodEnd: 2030, stage: 'participating' as const }] }];
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'muenster', name: 'Münster', districts: ['Mitte'], strategies },
			{ slug: 'greven', name: 'Greven', strategies }
		],
		accounts: [
			{ email: 'begleitung@muenster.example.org', name: 'Begleitung', password, roles: [{ municipality: 'muenster', role: 'facilitator' }] },
			{ email: 'verwaltung@muenster.example.org', name: 'Verwaltung', password, roles: [{ municipality: 'muenster', role: 'admin' }] },
			{ email: 'begleitung@greven.example.org', name: 'Greven', password, roles: [{ municipality: 'greven', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'Teilnahme', password, roles: [{ municipality: 'muenster', role: 'participant' }] }
		]
	});
	muenster = test.ids.municipalityIds.get('muenster')!;
	greven = test.ids.municipalityIds.get('greven')!;
	facilitator = actor('begleitung@muenster.example.org', 'muenster', 'facilitator');
	admin = actor('verwaltung@muenster.example.org', 'muenster', 'admin');
	facilitatorOfGreven = actor('begleitung@greven.example.org', 'greven', 'facilitator');
	participant = actor('teilnahme@example.org', 'muenster', 'participant');
	const create = async (who: Actor, municipalityId: string, name: string, email: string, sector = 'association') => {
		const created = await createOrganisation({ db: test.db, actor: who, municipalityId, input: organisationSchema.parse({ name, email, sector }) });
		organisationIds.set(name, created.id);
	};
	await create(facilitator, muenster, 'Kulturverein Anatolia', 'kontakt@anatolia.example.org', 'migrant_self_organisation');
	await create(facilitator, muenster, 'Nachbarschaftshilfe Süd', 'post@nachbarschaft.example.org', 'welfare');
	await create(facilitator, muenster, 'Chor ohne Adresse', '');
	await create(facilitator, muenster, 'Elternnetzwerk Mitte', 'eltern@netzwerk.example.org');
	await create(facilitatorOfGreven, greven, 'Grevener Tafel', 'tafel@greven.example.org', 'welfare');
});
afterAll(() => test.drop());
beforeEach(() => void sent.splice(0));

const invite = (names: string[], who: Actor = facilitator, municipalityId = muenster) =>
	inviteOrganisations({ db: test.db, actor: who, municipalityId, ...edition, organisationIds: names.map((name) => organisationIds.get(name)!), locale: 'de', mail });

it('invited organisations each get a mail with their own link; only the hash of the link is stored', async () => {
	const result = await invite(['Kulturverein Anatolia', 'Nachbarschaftshilfe Süd']);
	expect(result).toEqual({ invited: 2, withoutEmail: [], alreadyInvited: [] });
	expect(sent.map((message) => message.to).sort()).toEqual(['kontakt@anatolia.example.org', 'post@nachbarschaft.example.org']);
	expect(sent[0].subject).toContain('Leitbild Migration und Integration');
	expect(sent[0].html).toContain('<a href="https://leitbild.example.org/invitations/');
	const token = tokenOf(sent[0]);
	expect(await selectInvitationByTokenHash(test.db, token)).toBeUndefined();
	expect(await selectInvitationByTokenHash(test.db, hashInvitationToken(token))).toMatchObject({ status: 'invited', municipalityId: muenster });
	const { events } = await listAuditEvents({ db: test.db, actor: admin, municipalityId: muenster });
	expect(events.filter((event) => event.entityType === 'edition_invitation' && event.action === 'create')).toHaveLength(2);
});

it('an organisation without a contact e-mail is reported, not invited, and one invited before is not invited twice', async () => {
	const result = await invite(['Chor ohne Adresse', 'Kulturverein Anatolia', 'Elternnetzwerk Mitte']);
	expect(result).toEqual({ invited: 1, withoutEmail: ['Chor ohne Adresse'], alreadyInvited: ['Kulturverein Anatolia'] });
	expect(sent.map((message) => message.to)).toEqual(['eltern@netzwerk.example.org']);
	const view = await staffView();
	expect(view.counts).toMatchObject({ total: 3, invited: 3, accepted: 0 });
	expect(view.candidates.map((candidate) => candidate.name)).toEqual(['Chor ohne Adresse']);
});

it('an invitation is answered once through its link; the same link cannot change the answer', async () => {
	await invite(['Kulturverein Anatolia', 'Nachbarschaftshilfe Süd', 'Elternnetzwerk Mitte']).catch(() => undefined);
	await resendInvitation({ db: test.db, actor: facilitator, municipalityId: muenster, invitationId: (await staffView()).invitations.find((row) => row.organisationName === 'Kulturverein Anatolia')!.id, mail });
	const token = tokenOf(sent.at(-1)!);
	expect((await getInvitationByToken({ db: test.db, token })).organisationName).toBe('Kulturverein Anatolia');
	await answerInvitation({ db: test.db, token, actor: null, answer: { answer: 'accepted', message: 'Wir kommen zu zweit.' } });
	expect(await codeOf(answerInvitation({ db: test.db, token, actor: null, answer: { answer: 'declined', message: '' } }))).toBe('invitations_already_answered');
	const shown = await getInvitationByToken({ db: test.db, token });
	expect(shown).toMatchObject({ status: 'accepted', responseMessage: 'Wir kommen zu zweit.' });
	expect(await codeOf(resendInvitation({ db: test.db, actor: facilitator, municipalityId: muenster, invitationId: (await staffView()).invitations.find((row) => row.organisationName === 'Kulturverein Anatolia')!.id, mail }))).toBe(
		'invitations_already_answered'
	);
	expect(await summariseInvitations({ db: test.db, municipalityId: muenster })).toEqual([
		expect.objectContaining({ strategySlug: 'migration', editionNumber: 4, invited: 3, accepted: 1 })
	]);
});

it('re-sending replaces the link: the old one no longer answers', async () => {
	const before = (await staffView()).invitations.find((row) => row.organisationName === 'Elternnetzwerk Mitte')!;
	await resendInvitation({ db: test.db, actor: facilitator, municipalityId: muenster, invitationId: before.id, mail });
	const first = tokenOf(sent[0]);
	await resendInvitation({ db: test.db, actor: facilitator, municipalityId: muenster, invitationId: before.id, mail });
	const second = tokenOf(sent[1]);
	expect(first).not.toBe(second);
	expect(await codeOf(answerInvitation({ db: test.db, token: first, actor: null, answer: { answer: 'declined', message: '' } }))).toBe('invitations_link_invalid');
	expect(await codeOf(getInvitationByToken({ db: test.db, token: 'not-a-token' }))).toBe('invitations_link_invalid');
	await answerInvitation({ db: test.db, token: second, actor: participant, answer: { answer: 'declined', message: '' } });
	const { events } = await listAuditEvents({ db: test.db, actor: admin, municipalityId: muenster });
	expect(events.filter((event) => event.entityType === 'edition_invitation' && event.entityId === before.id).map((event) => event.action)).toEqual(['update', 'update', 'update', 'create']);
});

it('staff of another municipality and participants can neither see nor send invitations, and no organisation of another municipality is invited', async () => {
	expect(await codeOf(staffView(facilitatorOfGreven))).toBe('error_forbidden');
	expect(await codeOf(staffView(participant))).toBe('error_forbidden');
	expect(await codeOf(invite(['Elternnetzwerk Mitte'], facilitatorOfGreven))).toBe('error_forbidden');
	const invitationId = (await staffView()).invitations[0].id;
	expect(await codeOf(resendInvitation({ db: test.db, actor: facilitatorOfGreven, municipalityId: greven, invitationId, mail }))).toBe('invitations_not_found');
	expect(await codeOf(invite(['Grevener Tafel']))).toBe('invitations_organisation_unknown');
	expect(await codeOf(invite(['Grevener Tafel', 'Chor ohne Adresse']))).toBe('invitations_organisation_unknown');
	expect(sent).toEqual([]);
	expect((await staffView()).counts.total).toBe(3);
	expect(await summariseInvitations({ db: test.db, municipalityId: greven })).toEqual([]);
});
