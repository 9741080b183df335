import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { events } from '../participation/event.schema';
import { getIdeasEdition, listIdeaFields } from '../participation/idea.service';
import { getRuntime, startRuntime } from '../runtime';

// The real form actions on a real database, with the budgets set low through the environment as an
// operator would: the first N submissions go through, the next one is refused with 429, the form's
// values come back and the message says when to try again.

const LIMIT = 2;
let test: TestDatabase;
let dataDir: string;
let municipalityId: string;
let fieldId: string;
let eventId: string;
const saved: Record<string, string | undefined> = {};
const limitVariables = ['IDEAS_PER_HOUR', 'COMMENTS_PER_HOUR', 'EVENT_REGISTRATIONS_PER_HOUR', 'SIGN_UPS_PER_HOUR', 'DATABASE_URL', 'DATA_DIR', 'DEMO'];

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'participating', fields: [{ title: 'Sprache' }] }] }]
			}
		],
		accounts: [
			{ email: 'ada@example.org', name: 'Ada Beispiel', password: 'passwort-ada', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'bert@example.org', name: 'Bert Beispiel', password: 'passwort-bert', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
		]
	});
	municipalityId = test.ids.municipalityIds.get('a-stadt')!;
	const edition = await getIdeasEdition({ db: test.db, municipalityId, strategySlug: 'vielfalt', number: 1 });
	fieldId = (await listIdeaFields({ db: test.db, municipalityId, editionId: edition.id }))[0].id;
	const startsAt = new Date(Date.now() + 14 * 24 * 3600_000);
	const [event] = await test.db
		.insert(events)
		.values({ municipalityId, editionId: edition.id, type: 'workshop', title: 'Werkstatt', startsAt, endsAt: new Date(startsAt.getTime() + 7200_000) })
		.returning();
	eventId = event.id;
	dataDir = await mkdtemp(path.join(tmpdir(), 'limits-'));
	for (const name of limitVariables) saved[name] = process.env[name];
	Object.assign(process.env, {
		IDEAS_PER_HOUR: String(LIMIT),
		COMMENTS_PER_HOUR: String(LIMIT),
		EVENT_REGISTRATIONS_PER_HOUR: String(LIMIT),
		SIGN_UPS_PER_HOUR: String(LIMIT),
		DATABASE_URL: test.url,
		DATA_DIR: dataDir,
		DEMO: 'off',
		AUTH_SECRET: process.env.AUTH_SECRET ?? 'limits-test-secret-0123456789abcdef'
	});
	await startRuntime();
});

afterAll(async () => {
	// The server's own shutdown: it also releases the connection that listens for public changes.
	const { pool } = getRuntime().database;
	process.emit('sveltekit:shutdown' as never);
	await vi.waitFor(() => expect(pool.ended).toBe(true), { timeout: 10_000 });
	for (const name of limitVariables) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await test.drop();
	await rm(dataDir, { recursive: true, force: true });
});

function actor(email: string): Actor {
	return {
		userId: test.ids.accountIds.get(email)!,
		name: email,
		email,
		isPlatformAdmin: false,
		memberships: [{ municipalityId, municipalitySlug: 'a-stadt', municipalityName: 'A-Stadt', role: 'participant' }]
	};
}

type Action = (event: RequestEvent) => unknown;

/** One POST to a form action, as SvelteKit would hand it over; a thrown redirect is a success. */
async function post(action: Action, pathname: string, form: Record<string, string>, who: Actor | null, params: Record<string, string>, address = '203.0.113.7') {
	const url = new URL(`http://localhost${pathname}`);
	const event = {
		request: new Request(url, { method: 'POST', body: new URLSearchParams(form) }),
		url,
		params,
		locals: { locale: 'de', actor: who, requestId: 'test' },
		getClientAddress: () => address
	} as unknown as RequestEvent;
	try {
		return await action(event);
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirected: thrown.location };
		throw thrown;
	}
}

function expectRefusal(result: unknown, values: Record<string, string>) {
	expect(isActionFailure(result)).toBe(true);
	const failure = result as { status: number; data: { values: Record<string, unknown>; errors: { form: string } } };
	expect(failure.status).toBe(429);
	expect(failure.data.errors.form).toMatch(/Bitte versuchen Sie es in \d+ Minuten erneut/);
	expect(failure.data.values).toMatchObject(values);
}

const editionParams = { municipality: 'a-stadt', strategy: 'vielfalt', number: '1' };
const ideasPath = '/a-stadt/strategies/vielfalt/editions/1/ideas';

it('IDEAS_PER_HOUR ideas an hour go through; the next is refused with 429, its text kept and a wait in minutes', async () => {
	const { actions } = await import('../../../routes/[municipality]/strategies/[strategy]/editions/[number=integer]/ideas/new/+page.server');
	const idea = (title: string) => ({ title, body: 'Mehr Sprachcafés in den Stadtteilen.', fieldId });
	for (let n = 1; n <= LIMIT; n++) {
		expect(await post(actions.submit as Action, `${ideasPath}/new`, idea(`Sprachcafé ${n}`), actor('ada@example.org'), editionParams)).toMatchObject({ redirected: expect.stringContaining('/ideas/') });
	}
	expectRefusal(await post(actions.submit as Action, `${ideasPath}/new`, idea('Eine Idee zu viel'), actor('ada@example.org'), editionParams), idea('Eine Idee zu viel'));
	// The budget is per account: another resident still submits.
	expect(await post(actions.submit as Action, `${ideasPath}/new`, idea('Von Bert'), actor('bert@example.org'), editionParams)).toMatchObject({ redirected: expect.any(String) });
});

it('COMMENTS_PER_HOUR comments an hour go through; the next is refused with 429 and the comment kept', async () => {
	const { actions: newIdea } = await import('../../../routes/[municipality]/strategies/[strategy]/editions/[number=integer]/ideas/new/+page.server');
	const { actions } = await import('../../../routes/[municipality]/strategies/[strategy]/editions/[number=integer]/ideas/[id=uuid]/+page.server');
	const created = (await post(newIdea.submit as Action, `${ideasPath}/new`, { title: 'Zum Kommentieren', body: 'Text', fieldId }, actor('bert@example.org'), editionParams)) as { redirected: string };
	const ideaId = created.redirected.split('/').at(-1)!;
	const params = { ...editionParams, id: ideaId };
	for (let n = 1; n <= LIMIT; n++) {
		expect(await post(actions.comment as Action, `${ideasPath}/${ideaId}`, { body: `Gute Idee, Nummer ${n}` }, actor('ada@example.org'), params)).toEqual({ saved: 'comment' });
	}
	expectRefusal(await post(actions.comment as Action, `${ideasPath}/${ideaId}`, { body: 'Noch ein Gedanke' }, actor('ada@example.org'), params), { body: 'Noch ein Gedanke' });
});

it('EVENT_REGISTRATIONS_PER_HOUR guest registrations an hour from one address go through; the next is refused with 429 and name and e-mail kept', async () => {
	const { actions } = await import('../../../routes/[municipality]/events/[id]/+page.server');
	const params = { municipality: 'a-stadt', id: eventId };
	const guest = (n: number) => ({ name: `Gast ${n}`, email: `gast-${n}@example.org` });
	for (let n = 1; n <= LIMIT; n++) {
		expect(await post(actions.register as Action, `/a-stadt/events/${eventId}`, guest(n), null, params)).toMatchObject({ registered: expect.any(String) });
	}
	expectRefusal(await post(actions.register as Action, `/a-stadt/events/${eventId}`, guest(99), null, params), guest(99));
	expect(await post(actions.register as Action, `/a-stadt/events/${eventId}`, guest(100), null, params, '198.51.100.4')).toMatchObject({ registered: expect.any(String) });
});

it('SIGN_UPS_PER_HOUR accounts an hour from one address are created; the next is refused with 429, name and e-mail kept', async () => {
	const { actions } = await import('../../../routes/register/+page.server');
	const person = (n: number) => ({ name: `Neu ${n}`, email: `neu-${n}@example.org`, password: 'ein-langes-passwort', consent: 'yes' });
	for (let n = 1; n <= LIMIT; n++) {
		expect(await post(actions.default as Action, '/register', person(n), null, {}, '192.0.2.9')).toEqual({ registered: `neu-${n}@example.org` });
	}
	const refused = await post(actions.default as Action, '/register', person(3), null, {}, '192.0.2.9');
	expectRefusal(refused, { name: 'Neu 3', email: 'neu-3@example.org' });
	expect(JSON.stringify(refused)).not.toContain('ein-langes-passwort');
});
