import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { accounts, discover, enumerate, fill, formsIn, inBatches, paramPattern } from '../route-inventory';
import { rawUrlPayloads, refusedPayloads, textPayloads } from '../attack-corpus';
import { HttpClient, type HttpResponse } from '../http-client';

// Every URL parameter and every text field of the server-rendered forms gets the corpus, over HTTP:
// no answer is a 5xx, no payload comes back as markup, and refused input leaves nothing behind.

type Role = 'anonymous' | 'participant' | 'admin';
const clients = new Map<Role, HttpClient>();
let origin: string;

/** Query parameters the app reads anywhere, found in its source. */
function queryParameterNames(): string[] {
	const source = path.resolve(import.meta.dirname, '../../src');
	const names = new Set<string>(['q', 'page']);
	for (const file of readdirSync(source, { recursive: true }) as string[]) {
		if (!/\.(ts|svelte)$/.test(file)) continue;
		for (const match of readFileSync(path.join(source, file), 'utf8').matchAll(/searchParams\.get(?:All)?\('([\w-]+)'\)/g)) names.add(match[1]);
	}
	return [...names];
}

const pages = [...new Set(enumerate().filter((check) => check.method === 'GET').map((check) => check.routeId))];
const markers = textPayloads.flatMap((payload) => (payload.marker ? [payload.marker] : []));

function problemsIn(response: HttpResponse, body: string, what: string): string[] {
	const problems: string[] = [];
	if (response.status() >= 500) problems.push(`${what}: ${response.status()}`);
	for (const marker of markers) if (body.includes(marker)) problems.push(`${what}: reflects ${marker}`);
	return problems;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }, testInfo) => {
	testInfo.setTimeout(120_000);
	origin = new URL(baseURL!).origin;
	clients.set('anonymous', new HttpClient(origin));
	for (const role of ['participant', 'admin'] as const) {
		const client = new HttpClient(origin);
		const response = await client.post('/sign-in', { form: accounts[role], headers: { Origin: origin, Accept: 'text/html' }, maxRedirects: 0 });
		expect(response.status()).toBe(303);
		clients.set(role, client);
	}
	await discover(clients.get('anonymous')!);
});

test('every route parameter and query parameter survives the corpus: no 5xx and no payload reflected as markup', async () => {
	test.setTimeout(240_000);
	const names = queryParameterNames();
	// Texts that only a field can misuse (right-to-left, emoji, templates) are left to the forms; the URL gets the rest.
	const forUrls = textPayloads.filter((payload) => payload.marker || /SQL/.test(payload.name));
	const encoded = [...forUrls.map((payload) => encodeURIComponent(payload.value)), ...rawUrlPayloads];
	// Route parameters get a smaller share, since most of them only look a row up: markup, broken UTF-8, NUL, traversal.
	const forRouteParameters = [encodeURIComponent(textPayloads[0].value), '%ED%A0%80', '%C0%AF', '%00', '..%2F..%2Fetc%2Fpasswd'];
	const requests: { role: Role; url: string }[] = [];
	for (const routeId of pages) {
		const role: Role = routeId.startsWith('/admin') ? 'admin' : 'anonymous';
		const base = fill(routeId);
		for (const payload of encoded) requests.push({ role, url: `${base}?${names.map((name) => `${name}=${payload}`).join('&')}` });
		for (const payload of forRouteParameters) {
			for (const param of routeId.matchAll(paramPattern)) requests.push({ role, url: fill(routeId.replace(param[0], payload)) });
		}
	}
	const problems: string[] = [];
	await inBatches(requests, 6, async ({ role, url }) => {
		const response = await clients.get(role)!.get(url, { maxRedirects: 0, headers: { Accept: 'text/html' } });
		const type = response.headers()['content-type'] ?? '';
		const body = /text|json|xml|calendar/.test(type) ? await response.text() : '';
		problems.push(...problemsIn(response, body, `${role} GET ${url.slice(0, 160)}`));
	});
	expect(problems).toEqual([]);
	expect(requests.length).toBeGreaterThan(1500);
	test.info().annotations.push({ type: 'requests', description: String(requests.length) });
});

/** Münster's audit log, newest page, as text. */
async function auditLog(): Promise<string> {
	const response = await clients.get('admin')!.get('/admin/muenster/audit', { headers: { Accept: 'text/html' } });
	return (/<ol class="audit-list">([\s\S]*?)<\/ol>/.exec(await response.text())?.[1] ?? '').replace(/<[^>]+>/g, ' ');
}

test('every text field of every form refuses NUL and oversized input with a 4xx, stores nothing and echoes no markup', async () => {
	test.setTimeout(300_000);
	const submissions: { role: Role; url: string; form: Record<string, string>; payload: string }[] = [];
	for (const role of ['anonymous', 'participant', 'admin'] as Role[]) {
		const readable = pages.filter((routeId) => (role === 'admin') === routeId.startsWith('/admin') || routeId.startsWith('/account'));
		await inBatches(readable, 4, async (routeId) => {
			const url = fill(routeId);
			const response = await clients.get(role)!.get(url, { headers: { Accept: 'text/html' } });
			if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) return;
			const html = await response.text();
			for (const [action, fields] of formsIn(html)) {
				const textFields = Object.keys(fields).filter((name) => new RegExp(`<(textarea|input)\\b[^>]*name="${name}"[^>]*`).exec(html)?.[0].match(/<textarea|type="(text|search|email|url|tel)"|<input(?![^>]*type=)/));
				if (textFields.length === 0) continue;
				for (const payload of refusedPayloads) {
					// The refused character travels with script markup, so that the form echoed back with its values is checked too.
					// Oversized text stays under the server's 10 MB body limit together, yet longer than any field allows (100 000).
					const value = payload.value.length > 1000 ? payload.value.slice(0, Math.floor(8_000_000 / textFields.length)) : `${textPayloads[0].value}${payload.value}`;
					const form = { ...fields, ...Object.fromEntries(textFields.map((name) => [name, value])) };
					submissions.push({ role, url: action === 'default' ? url : `${url}?/${action}`, form, payload: payload.name });
				}
			}
		});
	}
	const before = await auditLog();
	const problems: string[] = [];
	await inBatches(submissions, 4, async ({ role, url, form, payload }) => {
		const send = () =>
			clients
				.get(role)!
				.post(url, { form, headers: { Origin: origin, Accept: 'text/html' }, maxRedirects: 0 })
				.catch((caught: Error) => caught);
		// A kept-alive connection the server closed after cutting off an oversized upload is reset once; a fresh one answers.
		let response = await send();
		if (response instanceof Error && !payload.startsWith('oversized')) response = await send();
		if (response instanceof Error) {
			// The server may cut an oversized upload off before reading it all: refused, and nothing stored.
			// fetch reports a connection the server closed while the body was still going out as UND_ERR_SOCKET.
			if (!(payload.startsWith('oversized') && /ECONNRESET|EPIPE|UND_ERR_SOCKET/.test(response.message))) problems.push(`${role} POST ${url} with ${payload}: ${response.message}`);
			return;
		}
		const status = response.status();
		const toSignIn = status === 303 && new URL(response.headers()['location'] ?? '/', origin).pathname.endsWith('/sign-in');
		if ((status < 400 && !toSignIn) || status >= 500) problems.push(`${role} POST ${url} with ${payload}: ${status}`);
		problems.push(...problemsIn(response, await response.text(), `${role} POST ${url} with ${payload}`));
	});
	expect(problems).toEqual([]);
	expect(submissions.length).toBeGreaterThan(60);
	expect(await auditLog()).toBe(before);
});

test('an event photo is checked by its content: a script named foto.jpg is refused and not published', async () => {
	const admin = clients.get('admin')!;
	const listed = (await Promise.all(['/admin/muenster/events', '/admin/muenster/events?past=1'].map(async (url) => (await admin.get(url)).text()))).join('');
	const eventIds = [...new Set([...listed.matchAll(/\/admin\/muenster\/events\/([0-9a-f-]{36})"/g)].map((match) => match[1]))];
	const photoCount = async (id: string) => (await (await clients.get('anonymous')!.get(`/muenster/events/${id}`)).text()).match(/\/photos\//g)?.length ?? 0;
	// Photos belong to events that took place; the first such event answers about the file itself.
	let answered = false;
	for (const id of eventIds) {
		const url = `/admin/muenster/events/${id}`;
		const fields = formsIn(await (await admin.get(url)).text()).get('uploadPhoto');
		if (!fields) continue;
		const before = await photoCount(id);
		const multipart = new FormData();
		for (const [name, value] of Object.entries({ ...fields, altText: 'Gruppenfoto vor dem Rathaus' })) multipart.append(name, value);
		multipart.append('photo', new Blob(['<script>alert(1)</script>\n#!/bin/sh\nrm -rf /\n'], { type: 'image/jpeg' }), 'foto.jpg');
		const response = await admin.post(`${url}?/uploadPhoto`, {
			multipart,
			headers: { Origin: origin, Accept: 'text/html' },
			maxRedirects: 0
		});
		if (response.status() === 409) continue;
		expect(response.status(), url).toBe(400);
		expect(await response.text()).not.toContain('<script>alert(1)</script>');
		expect(await photoCount(id)).toBe(before);
		answered = true;
		break;
	}
	expect(answered, `a past demo event among ${eventIds.length} to upload to`).toBe(true);
});

test('the session cookie is HttpOnly and SameSite, and every sign-in issues a new session id', async () => {
	const tokens: string[] = [];
	for (let attempt = 0; attempt < 2; attempt++) {
		const client = new HttpClient(origin);
		// A session id planted before sign-in (session fixation) must not survive it.
		const planted = { Cookie: 'leitbild.session_token=planted-by-attacker' };
		const response = await client.post('/sign-in', { form: accounts.participant, headers: { Origin: origin, Accept: 'text/html', ...planted }, maxRedirects: 0 });
		expect(response.status()).toBe(303);
		const cookie = (response.headers()['set-cookie'] ?? '').split('\n').find((line) => line.includes('session_token=')) ?? '';
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
		expect(cookie).toMatch(/;\s*Path=\//i);
		const token = /session_token=([^;]+)/.exec(cookie)?.[1] ?? '';
		expect(token).not.toBe('planted-by-attacker');
		expect(token.length).toBeGreaterThan(20);
		tokens.push(token);
	}
	expect(tokens[0]).not.toBe(tokens[1]);
});

test('script markup in query parameters runs nowhere in the browser: no dialog, no console error', async ({ page }) => {
	const dialogs: string[] = [];
	const errors: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	const edition = '/muenster/strategies/migration-und-integration/editions/4';
	for (const url of [`${edition}/ideas`, '/muenster/news', `${edition}/trace`, '/sign-in']) {
		for (const payload of textPayloads.filter((payload) => payload.marker)) {
			const response = await page.goto(`${url}?q=${encodeURIComponent(payload.value)}&next=${encodeURIComponent('javascript:alert(1)')}&status=${encodeURIComponent(payload.value)}`);
			expect(response?.status(), url).toBeLessThan(500);
		}
	}
	expect(dialogs).toEqual([]);
	expect(errors).toEqual([]);
});
