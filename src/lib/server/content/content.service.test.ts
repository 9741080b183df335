import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { goals, measures } from '../document/document.schema';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { isDomainError } from '../shared/errors';
import { pickText } from '$lib/content-text';
import { locales } from '$lib/paraglide/runtime';
import { easyReadSchema, translationFormSchema } from '$lib/validation/content';
import { contentTranslations, easyReadTexts, translationLocales } from './content.schema';
import { getEasyReadEditor, getEasyReadPage, getTranslationEditor, loadTranslationView, saveEasyReadText, saveTranslations } from './content.service';

let test: TestDatabase;

const outline = (prefix: string) => ({
	slug: 'leitbild',
	title: `Leitbild ${prefix}`,
	editions: [
		{
			number: 1,
			periodStart: 2025,
			periodEnd: 2030,
			stage: 'participating' as const,
			summary: `Zusammenfassung ${prefix}`,
			fields: [{ title: `Feld ${prefix}`, goals: [{ title: `Ziel ${prefix}`, measures: [{ title: `Maßnahme ${prefix}` }] }] }]
		}
	]
});

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies: [outline('A')] },
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [outline('B')] }
		],
		accounts: [
			{ email: 'moderation-a@example.org', name: 'Moderation A', password: 'passwort-moderation', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'redaktion-a@example.org', name: 'Redaktion A', password: 'passwort-redaktion', roles: [{ municipality: 'a-stadt', role: 'editor' }] },
			{ email: 'admin-b@example.org', name: 'Admin B', password: 'passwort-admin-b', roles: [{ municipality: 'b-dorf', role: 'admin' }] },
			{ email: 'teilnahme@example.org', name: 'Teilnehmerin', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
		]
	});
});
afterAll(() => test.drop());

const municipalityId = (slug: string) => test.ids.municipalityIds.get(slug)!;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const idOf = async (table: typeof goals | typeof measures, title: string) => (await test.db.select({ id: table.id }).from(table).where(eq(table.title, title)))[0].id;

const codeOf = async (work: Promise<unknown>) => {
	try {
		await work;
	} catch (caught) {
		if (isDomainError(caught)) return caught.code;
		throw caught;
	}
	return 'no error';
};

const goalForm = (values: Record<string, string>) => translationFormSchema('goal').parse(values);

describe('translations of content', () => {
	it('content can be translated into every interface language but German, the original', () => {
		expect([...translationLocales].sort()).toEqual(locales.filter((locale) => locale !== 'de').sort());
	});

	it('a facilitator translates a goal; Arabic readers get the Arabic title, Turkish readers the German one with every language on offer', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const goalId = await idOf(goals, 'Ziel A');
		const result = await saveTranslations({
			db: test.db,
			actor: facilitator,
			municipalityId: municipalityId('a-stadt'),
			kind: 'goal',
			entityId: goalId,
			input: goalForm({ title_en: 'Goal A', title_ar: 'الهدف أ' })
		});
		expect(result.changed).toBe(2);

		const refs = [{ kind: 'goal' as const, ids: [goalId] }];
		const arabic = await loadTranslationView({ db: test.db, municipalityId: municipalityId('a-stadt'), locale: 'ar', refs });
		expect(pickText(arabic, 'goal', goalId, 'title', 'Ziel A')).toMatchObject({ text: 'الهدف أ', lang: 'ar', dir: 'rtl', fallback: false });
		const turkish = await loadTranslationView({ db: test.db, municipalityId: municipalityId('a-stadt'), locale: 'tr', refs });
		expect(pickText(turkish, 'goal', goalId, 'title', 'Ziel A')).toMatchObject({ text: 'Ziel A', lang: 'de', fallback: true });
		expect(turkish.available[`goal:${goalId}`]).toEqual(['en', 'ar']);

		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, goalId));
		expect(audit.map((event) => event.entityType)).toEqual(['goal_translation']);
	});

	it('emptying a translated field removes that translation and leaves the others', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const measureId = await idOf(measures, 'Maßnahme A');
		const scope = { db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), kind: 'measure' as const, entityId: measureId };
		await saveTranslations({ ...scope, input: translationFormSchema('measure').parse({ title_en: 'Measure A', title_uk: 'Захід А' }) });
		await saveTranslations({ ...scope, input: translationFormSchema('measure').parse({ title_en: '', title_uk: 'Захід А' }) });
		const editor = await getTranslationEditor(scope);
		expect(editor.values).toEqual({ title_uk: 'Захід А' });
		expect(editor.original.texts.title).toBe('Maßnahme A');
	});

	it('saving unchanged translations writes nothing and records nothing', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const goalId = await idOf(goals, 'Ziel A');
		const result = await saveTranslations({
			db: test.db,
			actor: facilitator,
			municipalityId: municipalityId('a-stadt'),
			kind: 'goal',
			entityId: goalId,
			input: goalForm({ title_en: 'Goal A', title_ar: 'الهدف أ' })
		});
		expect(result.changed).toBe(0);
		expect(await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, goalId))).toHaveLength(1);
	});

	it('a title longer than a title may be is refused by the form before anything is written', () => {
		const parsed = translationFormSchema('goal').safeParse({ title_en: 'x'.repeat(301) });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]).toMatchObject({ path: ['title_en'], message: 'validation_too_long' });
	});

	it('one municipality’s page never shows another’s translations, and its staff cannot translate them', async () => {
		const goalA = await idOf(goals, 'Ziel A');
		const view = await loadTranslationView({ db: test.db, municipalityId: municipalityId('b-dorf'), locale: 'en', refs: [{ kind: 'goal', ids: [goalA] }] });
		expect(view.texts).toEqual({});
		expect(view.available).toEqual({});

		const adminB = await actorOf('admin-b@example.org');
		const input = goalForm({ title_en: 'Taken over' });
		expect(await codeOf(saveTranslations({ db: test.db, actor: adminB, municipalityId: municipalityId('b-dorf'), kind: 'goal', entityId: goalA, input }))).toBe('content_not_found');
		expect(await codeOf(saveTranslations({ db: test.db, actor: adminB, municipalityId: municipalityId('a-stadt'), kind: 'goal', entityId: goalA, input }))).toBe('error_forbidden');
		const stored = await test.db.select().from(contentTranslations).where(and(eq(contentTranslations.entityId, goalA), eq(contentTranslations.locale, 'en')));
		expect(stored.map((row) => row.text)).toEqual(['Goal A']);
	});

	it('goals are translated by the process staff, not by the newsroom or participants', async () => {
		const goalA = await idOf(goals, 'Ziel A');
		for (const email of ['redaktion-a@example.org', 'teilnahme@example.org']) {
			const actor = await actorOf(email);
			expect(await codeOf(getTranslationEditor({ db: test.db, actor, municipalityId: municipalityId('a-stadt'), kind: 'goal', entityId: goalA }))).toBe('error_forbidden');
		}
		expect(await codeOf(getTranslationEditor({ db: test.db, actor: null, municipalityId: municipalityId('a-stadt'), kind: 'goal', entityId: goalA }))).toBe('error_not_signed_in');
	});

	it('a page reads the translations of all its goals and measures at once', async () => {
		const goalA = await idOf(goals, 'Ziel A');
		const measureA = await idOf(measures, 'Maßnahme A');
		const view = await loadTranslationView({
			db: test.db,
			municipalityId: municipalityId('a-stadt'),
			locale: 'en',
			refs: [
				{ kind: 'goal', ids: [goalA], fields: ['title'] },
				{ kind: 'measure', ids: [measureA], fields: ['title'] },
				{ kind: 'event', ids: [] }
			]
		});
		expect(view.texts).toEqual({ [`goal:${goalA}:title`]: 'Goal A' });
		expect(view.available).toEqual({ [`goal:${goalA}`]: ['en', 'ar'], [`measure:${measureA}`]: ['uk'] });
	});
});

describe('Leichte Sprache', () => {
	const address = { strategySlug: 'leitbild', number: 1 };

	it('a facilitator writes the easy-to-read summary and invitation; the public page shows them, audited', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const input = easyReadSchema.parse({ summary: 'Die Stadt macht einen Plan.', invitation: 'Sagen Sie uns Ihre Meinung.' });
		const saved = await saveEasyReadText({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), address, input });
		const page = await getEasyReadPage({ db: test.db, municipalityId: municipalityId('a-stadt'), address });
		expect(page).toMatchObject({ summary: 'Die Stadt macht einen Plan.', invitation: 'Sagen Sie uns Ihre Meinung.', edition: { number: 1, strategyTitle: 'Leitbild A' } });
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, saved.id));
		expect(audit.map((event) => [event.entityType, event.action])).toEqual([['easy_read_text', 'create']]);
	});

	it('an edition without easy-to-read texts has an empty page, not an error; an unknown edition is not found', async () => {
		const page = await getEasyReadPage({ db: test.db, municipalityId: municipalityId('b-dorf'), address });
		expect(page).toMatchObject({ summary: '', invitation: '', updatedAt: null });
		expect(await codeOf(getEasyReadPage({ db: test.db, municipalityId: municipalityId('a-stadt'), address: { strategySlug: 'leitbild', number: 9 } }))).toBe('content_not_found');
	});

	it('participants and other municipalities’ admins cannot write a municipality’s easy-to-read texts', async () => {
		const input = easyReadSchema.parse({ summary: 'Falsch.', invitation: '' });
		for (const email of ['teilnahme@example.org', 'admin-b@example.org']) {
			const actor = await actorOf(email);
			expect(await codeOf(saveEasyReadText({ db: test.db, actor, municipalityId: municipalityId('a-stadt'), address, input }))).toBe('error_forbidden');
			expect(await codeOf(getEasyReadEditor({ db: test.db, actor, municipalityId: municipalityId('a-stadt'), address }))).toBe('error_forbidden');
		}
		const rows = await test.db.select().from(easyReadTexts).where(eq(easyReadTexts.municipalityId, municipalityId('a-stadt')));
		expect(rows.map((row) => row.summary)).toEqual(['Die Stadt macht einen Plan.']);
	});
});
