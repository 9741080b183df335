import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions } from '../document/document.schema';
import { events } from '../participation/event.schema';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { auditEvents } from '../audit/audit.schema';
import { contactPoints } from '../tenancy/tenancy.schema';
import { articleContextSchema } from '$lib/validation/news';
import { articles } from './news.schema';
import { getArticleContextChoices, getNextArticleOfEventAt, getPublicArticleContext, getPublicArticlesOfEvent, setArticleContext } from './article-context.service';

let test: TestDatabase;
let stadt: string;
let dorf: string;

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});
const editor = () => actor('redaktion@stadt.example.org', 'stadt', 'editor');
const facilitator = () => actor('begleitung@stadt.example.org', 'stadt', 'facilitator');
const editorOfDorf = () => actor('redaktion@dorf.example.org', 'dorf', 'editor');
const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);
const now = new Date('2026-06-01T10:00:00Z');
const event = async (municipalityId: string, title: string, startsAt: string, publication: 'published' | 'submitted' = 'published') => {
	const [row] = await test.db
		.insert(events)
		.values({ municipalityId, type: 'closing_event', title, startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 3_600_000), publication })
		.returning();
	return row.id;
};
const article = async (municipalityId: string, slug: string, status: 'draft' | 'published' = 'published') => {
	const [row] = await test.db.insert(articles).values({ municipalityId, slug, title: `Meldung ${slug}`, status, publishedAt: status === 'published' ? new Date('2026-05-01T08:00:00Z') : null }).returning();
	return row.id;
};
const editionOf = async (municipalityId: string) =>
	(await test.db.select({ id: editions.id }).from(editions).where(eq(editions.municipalityId, municipalityId)).limit(1))[0].id;
const auditCount = async (municipalityId: string) => test.db.$count(auditEvents, eq(auditEvents.municipalityId, municipalityId));

beforeAll(async () => {
	const password = 'long-enough-password';
	const strategy = (slug: string) => ({ slug, title: `Leitbild ${slug}`, editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'adopted' as const }] });
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'stadt', name: 'Stadt', contact: { office: 'Amt für Integration' }, strategies: [strategy('vielfalt')] },
			{ slug: 'dorf', name: 'Dorf', contact: { office: 'Bürgerbüro Dorf' }, strategies: [strategy('miteinander')] }
		],
		accounts: [
			{ email: 'redaktion@stadt.example.org', name: 'R', password, roles: [{ municipality: 'stadt', role: 'editor' }] },
			{ email: 'redaktion@dorf.example.org', name: 'D', password, roles: [{ municipality: 'dorf', role: 'editor' }] },
			{ email: 'begleitung@stadt.example.org', name: 'B', password, roles: [{ municipality: 'stadt', role: 'facilitator' }] }
		]
	});
	stadt = test.ids.municipalityIds.get('stadt')!;
	dorf = test.ids.municipalityIds.get('dorf')!;
});
afterAll(() => test.drop());

it('an editor relates an article to an edition, an office and events; the article and the event page show each other', async () => {
	const articleId = await article(stadt, 'abschluss');
	const closing = await event(stadt, 'Abschlussveranstaltung', '2026-01-24T17:00:00Z');
	const later = await event(stadt, 'Werkstatt', '2026-09-10T16:00:00Z');
	const office = (await test.db.select({ id: contactPoints.id }).from(contactPoints).where(eq(contactPoints.municipalityId, stadt)))[0].id;
	const editionId = await editionOf(stadt);
	const choices = await getArticleContextChoices({ db: test.db, actor: editor(), municipalityId: stadt, articleId, now });
	expect(choices.current).toEqual({ editionId: '', contactPointId: '', eventIds: [] });
	expect(choices.events.map((choice) => choice.title)).toEqual(['Abschlussveranstaltung', 'Werkstatt']);
	expect(choices.editions).toEqual([expect.objectContaining({ id: editionId, number: 1, strategyTitle: 'Leitbild vielfalt' })]);

	const before = await auditCount(stadt);
	await setArticleContext({ db: test.db, actor: editor(), municipalityId: stadt, articleId, input: { editionId, contactPointId: office, eventIds: [later, closing, closing] } });
	expect(await auditCount(stadt)).toBe(before + 1);
	const shown = await getPublicArticleContext({ db: test.db, municipalityId: stadt, articleId });
	expect(shown.edition).toMatchObject({ number: 1, strategySlug: 'vielfalt', periodStart: 2025, periodEnd: 2030 });
	expect(shown.contactPoint?.office).toBe('Amt für Integration');
	expect(shown.events.map((row) => row.title)).toEqual(['Abschlussveranstaltung', 'Werkstatt']);
	expect((await getPublicArticlesOfEvent({ db: test.db, municipalityId: stadt, eventId: closing, now })).map((row) => row.slug)).toEqual(['abschluss']);

	await setArticleContext({ db: test.db, actor: editor(), municipalityId: stadt, articleId, input: { editionId: null, contactPointId: null, eventIds: [later] } });
	const cleared = await getPublicArticleContext({ db: test.db, municipalityId: stadt, articleId });
	expect(cleared).toMatchObject({ edition: null, contactPoint: null });
	expect(cleared.events.map((row) => row.title)).toEqual(['Werkstatt']);
	expect(await getPublicArticlesOfEvent({ db: test.db, municipalityId: stadt, eventId: closing, now })).toEqual([]);
});

it('rows of another municipality cannot be chosen, only editors and admins choose, and a refused choice writes nothing', async () => {
	const articleId = await article(stadt, 'fremd');
	const own = await event(stadt, 'Eigene Veranstaltung', '2026-07-01T16:00:00Z');
	const foreignEvent = await event(dorf, 'Fest in Dorf', '2026-07-02T16:00:00Z');
	const foreignEdition = await editionOf(dorf);
	const foreignOffice = (await test.db.select({ id: contactPoints.id }).from(contactPoints).where(eq(contactPoints.municipalityId, dorf)))[0].id;
	const before = await auditCount(stadt);
	for (const input of [
		{ editionId: foreignEdition, contactPointId: null, eventIds: [] },
		{ editionId: null, contactPointId: foreignOffice, eventIds: [] },
		{ editionId: null, contactPointId: null, eventIds: [own, foreignEvent] }
	]) {
		expect(await codeOf(setArticleContext({ db: test.db, actor: editor(), municipalityId: stadt, articleId, input }))).toBe('news_context_unknown');
	}
	expect(await codeOf(setArticleContext({ db: test.db, actor: facilitator(), municipalityId: stadt, articleId, input: { editionId: null, contactPointId: null, eventIds: [own] } }))).toBe('error_forbidden');
	expect(await codeOf(setArticleContext({ db: test.db, actor: editorOfDorf(), municipalityId: stadt, articleId, input: { editionId: null, contactPointId: null, eventIds: [] } }))).toBe('error_forbidden');
	expect(await codeOf(setArticleContext({ db: test.db, actor: editorOfDorf(), municipalityId: dorf, articleId, input: { editionId: null, contactPointId: null, eventIds: [] } }))).toBe('news_not_found');
	expect(await codeOf(getArticleContextChoices({ db: test.db, actor: facilitator(), municipalityId: stadt, articleId }))).toBe('error_forbidden');
	expect(await auditCount(stadt)).toBe(before);
	expect(await getPublicArticleContext({ db: test.db, municipalityId: stadt, articleId })).toEqual({ edition: null, contactPoint: null, events: [] });
});

it('the event page lists only public articles, and the article page only published events', async () => {
	const draft = await article(stadt, 'entwurf', 'draft');
	const published = await article(stadt, 'bericht');
	const submitted = await event(stadt, 'Eingereicht, noch nicht geprüft', '2026-08-01T16:00:00Z', 'submitted');
	const open = await event(stadt, 'Öffentlich', '2026-08-02T16:00:00Z');
	await setArticleContext({ db: test.db, actor: editor(), municipalityId: stadt, articleId: draft, input: { editionId: null, contactPointId: null, eventIds: [open] } });
	await setArticleContext({ db: test.db, actor: editor(), municipalityId: stadt, articleId: published, input: { editionId: null, contactPointId: null, eventIds: [open, submitted] } });
	expect((await getPublicArticlesOfEvent({ db: test.db, municipalityId: stadt, eventId: open, now })).map((row) => row.slug)).toEqual(['bericht']);
	expect((await getPublicArticleContext({ db: test.db, municipalityId: stadt, articleId: published })).events.map((row) => row.title)).toEqual(['Öffentlich']);
	expect(await getPublicArticlesOfEvent({ db: test.db, municipalityId: dorf, eventId: open, now })).toEqual([]);
});

it('the event page learns when the next scheduled article about the event turns public, and only its own town\'s', async () => {
	const coming = await event(stadt, 'Mit angekündigtem Bericht', '2026-08-03T16:00:00Z');
	expect(await getNextArticleOfEventAt({ db: test.db, municipalityId: stadt, eventId: coming, now })).toBeNull();
	const scheduled = async (slug: string, publishedAt: string) => {
		const [row] = await test.db.insert(articles).values({ municipalityId: stadt, slug, title: `Meldung ${slug}`, status: 'scheduled', publishedAt: new Date(publishedAt) }).returning();
		await setArticleContext({ db: test.db, actor: editor(), municipalityId: stadt, articleId: row.id, input: { editionId: null, contactPointId: null, eventIds: [coming] } });
	};
	await scheduled('spaeter', '2026-06-20T08:00:00Z');
	await scheduled('bald', '2026-06-10T08:00:00Z');
	// Already due: listed now, so no longer a moment ahead.
	await scheduled('faellig', '2026-05-30T08:00:00Z');
	expect(await getNextArticleOfEventAt({ db: test.db, municipalityId: stadt, eventId: coming, now })).toEqual(new Date('2026-06-10T08:00:00Z'));
	expect((await getPublicArticlesOfEvent({ db: test.db, municipalityId: stadt, eventId: coming, now })).map((row) => row.slug)).toEqual(['faellig']);
	expect(await getNextArticleOfEventAt({ db: test.db, municipalityId: dorf, eventId: coming, now })).toBeNull();
});

it('the form takes no, one or several ticked events and refuses what is not an id', () => {
	expect(articleContextSchema.parse({}).eventIds).toEqual([]);
	expect(articleContextSchema.parse({ eventIds: '6d1f0c1e-8a4b-4c2e-9f3a-000000000001' }).eventIds).toHaveLength(1);
	expect(articleContextSchema.safeParse({ eventIds: ['x'] }).success).toBe(false);
	expect(articleContextSchema.safeParse({ editionId: 'nicht-eine-id' }).success).toBe(false);
	expect(articleContextSchema.safeParse({ eventIds: Array.from({ length: 21 }, () => '6d1f0c1e-8a4b-4c2e-9f3a-000000000001') }).success).toBe(false);
});
