import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { textPayloads } from '../attack-corpus';
import { accounts, formsIn } from '../route-inventory';
import { demoEventIds } from '../../src/lib/server/demo/demo-event-ids';

// Stored XSS: every public form that keeps text shown to others accepts the corpus's script payloads
// from an authorised user; the public page that shows the text then carries it as text only — no
// script element of the payload, no event-handler attribute, no javascript: link. Over HTTP, no browser.

type Role = 'anonymous' | 'participant' | 'admin';
const clients = new Map<Role, APIRequestContext>();
let origin: string;

const edition = '/muenster/strategies/migration-und-integration/editions/4';
// The demo edition that collects ideas.
const participating = '/greven/strategies/integrationskonzept/editions/1';
const executable = textPayloads.filter((payload) => payload.marker);
/** All executable payloads in one text behind a probe word, so that the page shows where the text landed. */
const hostile = (probe: string) => `${probe} ${executable.map((payload) => payload.value).join(' ')}`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
	origin = new URL(baseURL!).origin;
	clients.set('anonymous', await playwrightRequest.newContext({ baseURL: origin }));
	for (const role of ['participant', 'admin'] as const) {
		const client = await playwrightRequest.newContext({ baseURL: origin });
		const response = await client.post('/sign-in', { form: accounts[role], headers: { Origin: origin, Accept: 'text/html' }, maxRedirects: 0 });
		expect(response.status()).toBe(303);
		clients.set(role, client);
	}
});

test.afterAll(async () => {
	for (const client of clients.values()) await client.dispose();
});

/** Submits the page's form for `action` with its own hidden fields and `values`; answers the status and where it led. */
async function submit(role: Role, page: string, action: string, values: Record<string, string>) {
	const client = clients.get(role)!;
	const html = await (await client.get(page, { headers: { Accept: 'text/html' } })).text();
	const fields = formsIn(html).get(action);
	expect(fields, `a form for ?/${action} on ${page}`).toBeDefined();
	const response = await client.post(action === 'default' ? page : `${page}?/${action}`, {
		form: { ...fields, ...values },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	return { status: response.status(), location: response.headers()['location'] ?? null, body: await response.text() };
}

/** What of the payloads would run in the page's HTML. */
function executableIn(html: string): string[] {
	const found = executable.filter((payload) => html.includes(payload.marker!)).map((payload) => payload.name);
	if (/<script>alert\(/i.test(html)) found.push('script element');
	for (const match of html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=[^>]*>/gi)) found.push(`event handler: ${match[0].slice(0, 80)}`);
	for (const match of html.matchAll(/(?:href|src|action)\s*=\s*["']?\s*javascript:/gi)) found.push(`javascript: URL: ${match[0]}`);
	return found;
}

async function expectShownAsText(page: string, probe: string) {
	const response = await clients.get('anonymous')!.get(page, { headers: { Accept: 'text/html' } });
	expect(response.status(), page).toBe(200);
	const html = await response.text();
	expect(html, `the probe ${probe} on ${page}`).toContain(probe);
	expect(executableIn(html), page).toEqual([]);
}

test('script payloads in ideas, comments, event registrations, organisation profiles, articles and measure updates are shown as text only', async () => {
	test.setTimeout(60_000);
	const covered: string[] = [];

	// An idea's title and body, by a participant, on the idea's public page and the edition's list.
	const idea = await submit('participant', `${participating}/ideas/new`, 'submit', { title: hostile('XssIdeeTitel').slice(0, 200), body: hostile('XssIdeeText') });
	expect(idea.status, idea.body.slice(0, 300)).toBe(303);
	const ideaPage = new URL(idea.location!, origin).pathname;
	await expectShownAsText(ideaPage, 'XssIdeeText');
	await expectShownAsText(`${participating}/ideas`, 'XssIdeeTitel');
	covered.push('idea title and body');

	// A comment on that idea.
	const comment = await submit('participant', ideaPage, 'comment', { body: hostile('XssKommentar') });
	expect(comment.status, comment.body.slice(0, 300)).toBe(200);
	await expectShownAsText(ideaPage, 'XssKommentar');
	covered.push('idea comment');

	// A guest's registration for an event: the answer echoes the name; the public event page stays clean.
	const registration = await submit('anonymous', `/muenster/events/${demoEventIds.muenster}`, 'register', { name: hostile('XssGast').slice(0, 120), email: 'xss-gast@example.org' });
	expect(registration.status, registration.body.slice(0, 300)).toBeLessThan(400);
	expect(executableIn(registration.body)).toEqual([]);
	const eventPage = await (await clients.get('anonymous')!.get(`/muenster/events/${demoEventIds.muenster}`)).text();
	expect(executableIn(eventPage)).toEqual([]);
	covered.push('event registration name');

	// An organisation's profile, by the municipality's admin, in the public directory.
	const organisation = await submit('admin', '/admin/muenster/organisations/new', 'default', {
		name: 'XssVerein',
		sector: 'association',
		contactPerson: hostile('XssKontakt').slice(0, 200),
		description: hostile('XssProfil'),
		listedPublicly: 'on'
	});
	expect(organisation.status, organisation.body.slice(0, 300)).toBe(303);
	await expectShownAsText('/muenster/organisations?q=XssVerein', 'XssProfil');
	covered.push('organisation profile');

	// An article's markdown body with script markup is refused at the form with a message, and nothing is published…
	const markdown = `XssMeldung\n\n${executable.map((payload) => payload.value).join('\n\n')}\n\n<a href="javascript:alert(2)">Link</a> <img src="x" onerror="alert(3)">`;
	const refused = await submit('admin', '/admin/muenster/news/new', 'save', { title: 'XssArtikel', slug: 'xss-artikel', lead: hostile('XssVorspann'), body: markdown, intent: 'publish' });
	expect(refused.status, refused.body.slice(0, 300)).toBe(400);
	expect(refused.body).toContain('javascript:-Links');
	// The form comes back with the text in its textarea, escaped: no element of it is live.
	expect(refused.body).not.toContain('<script>alert(');
	expect(refused.body).not.toMatch(/<(img|a)\b[^>]*(onerror=|href="javascript:)/);
	expect((await clients.get('anonymous')!.get('/muenster/news/xss-artikel', { headers: { Accept: 'text/html' } })).status()).toBe(404);
	// …while the lead, plain text, carries the payloads as text once the body is clean.
	const article = await submit('admin', '/admin/muenster/news/new', 'save', { title: 'XssArtikel', slug: 'xss-artikel', lead: hostile('XssVorspann'), body: 'XssMeldung: ein `<script>` im Code bleibt Text.', intent: 'publish' });
	expect(article.status, article.body.slice(0, 300)).toBe(303);
	await expectShownAsText('/muenster/news/xss-artikel', 'XssVorspann');
	await expectShownAsText('/muenster/news', 'XssArtikel');
	covered.push('article lead; a markdown body with scripts refused');

	// A measure's progress update, by the admin, on the public monitor page of the measure.
	const monitor = await (await clients.get('anonymous')!.get(`${edition}/monitor`)).text();
	const measurePage = new RegExp(`href="(${edition}/monitor/measures/[0-9a-f-]{36})"`).exec(monitor)?.[1];
	expect(measurePage, 'a measure on the public monitor').toBeDefined();
	const update = await submit('admin', measurePage!, 'update', { writtenOn: new Date().toISOString().slice(0, 10), body: hostile('XssFortschritt') });
	expect(update.status, update.body.slice(0, 300)).toBeLessThan(400);
	await expectShownAsText(measurePage!, 'XssFortschritt');
	covered.push('measure progress update');

	test.info().annotations.push({ type: 'covered', description: covered.join(', ') });
});
