import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { cspWeaknesses, expect, test } from './fixtures';
import { matrix, matrixRoles, type MatrixRole } from '../authorisation-matrix';
import { accounts, discover, enumerate, fill, formsIn, inBatches } from '../route-inventory';
import { HttpClient, type HttpResponse } from '../http-client';

// Every route file and every form action is read from the file system; the expected outcome for each
// role comes from one table (tests/authorisation-matrix.ts). A route or action missing from the table,
// or an entry for one that no longer exists, fails the first test. Requests go over HTTP with one
// sign-in per role, so the whole matrix runs without a browser.

const checks = enumerate();
let origin: string;
const clients = new Map<MatrixRole, HttpClient>();
// Read outcomes of this run, which a recording run (MATRIX_RECORD=file) also uses as a first guess for the page's actions.
const observedReads: Record<string, string> = {};

const codeOf = (response: HttpResponse): string => {
	const status = response.status();
	if (status >= 500) return `5xx(${status})`;
	if (status === 401) return 'S';
	if (status === 403) return 'F';
	if (status === 404) return 'N';
	if (status >= 300 && status < 400) {
		const location = response.headers()['location'] ?? '';
		return new URL(location, origin).pathname.endsWith('/sign-in') ? 'S' : 'A';
	}
	return 'A';
};

const edition = 'POST /[municipality]/strategies/[strategy]/editions/[number=integer]';
/**
 * Actions whose form the admin does not see on the demo (a comment form on a paragraph, an own
 * comment, an existing trace link): a well-formed submission, so that only authorisation can refuse.
 */
const fixedReplays: Record<string, Record<string, string>> = {
	[`${edition}/document ?/comment`]: { version: '1', anchor: 'section-zugriff', body: 'Zugriffstest' },
	[`${edition}/document ?/editComment`]: { commentId: randomUUID(), body: 'Zugriffstest' },
	[`${edition}/document ?/deleteComment`]: { commentId: randomUUID() },
	[`${edition}/ideas/[id=uuid] ?/untrace`]: { traceId: randomUUID() },
	// The demo's accounts keep their passwords, so their account page shows no form to copy.
	'POST /account ?/changePassword': { password: 'zugriffstest', passwordNew: 'zugriffstest-neu', passwordRepeated: 'zugriffstest-neu' }
};

/**
 * The admin's form for the action, or, when the page shows it only in another state (unhide once
 * hidden), the fields of all its forms together: ids and values the action's siblings carry.
 */
function replayFor(forms: Map<string, Record<string, string>> | undefined, action: string, key: string): Record<string, string> {
	if (key in fixedReplays) return fixedReplays[key];
	if (!forms) return {};
	return forms.get(action) ?? Object.assign({}, ...forms.values());
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }, testInfo) => {
	testInfo.setTimeout(120_000);
	origin = new URL(baseURL!).origin;
	clients.set('anonymous', new HttpClient(origin));
	for (const [role, account] of Object.entries(accounts) as [MatrixRole, { email: string; password: string }][]) {
		const client = new HttpClient(origin);
		const response = await client.post('/sign-in', { form: account, headers: { Origin: origin, Accept: 'text/html' }, maxRedirects: 0 });
		expect(response.status(), `sign-in of ${account.email}`).toBe(303);
		clients.set(role, client);
	}
	await discover(clients.get('anonymous')!);
});

test('the table names every route, form action and endpoint of the app, and nothing else', () => {
	const keys = checks.map((check) => check.key);
	expect(keys.filter((key) => !(key in matrix)), 'routes without an entry in tests/authorisation-matrix.ts').toEqual([]);
	expect(Object.keys(matrix).filter((key) => !keys.includes(key)), 'entries for routes that no longer exist').toEqual([]);
	for (const [key, outcome] of Object.entries(matrix)) expect(outcome, key).toMatch(new RegExp(`^[ASFN]{${matrixRoles.length}}$`));
	expect(keys.length).toBeGreaterThan(150);
});

/** The newest page of Münster's audit log, as text: any recorded write changes it. */
async function auditLog(): Promise<string> {
	const response = await clients.get('admin')!.get('/admin/muenster/audit', { headers: { Accept: 'text/html' } });
	expect(response.status()).toBe(200);
	const list = /<ol class="audit-list">([\s\S]*?)<\/ol>/.exec(await response.text())?.[1] ?? '';
	return list.replace(/<!--[\s\S]*?-->|<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

test('every role opens exactly the pages and endpoints the table allows it', async () => {
	test.setTimeout(120_000);
	const observed = observedReads;
	const weakPolicies: string[] = [];
	let htmlAnswers = 0;
	const reads = checks.filter((check) => check.method === 'GET');
	await inBatches(reads, 4, async (check) => {
		const url = fill(check.routeId);
		let codes = '';
		for (const role of matrixRoles) {
			const response = await clients.get(role)!.get(url, { maxRedirects: 0, headers: { Accept: 'text/html' } });
			codes += codeOf(response);
			// Every answer a browser could render — page, error page, cached page — carries the strict policy.
			const weaknesses = cspWeaknesses(response.headers()['content-security-policy']);
			if (!/text\/html/.test(response.headers()['content-type'] ?? '')) continue;
			htmlAnswers++;
			if (weaknesses.length > 0) weakPolicies.push(`${role} GET ${url}: ${weaknesses.join(', ')}`);
		}
		observed[check.key] = codes;
	});
	expect(weakPolicies, 'HTML answers without the strict Content-Security-Policy').toEqual([]);
	expect(htmlAnswers).toBeGreaterThan(500);
	if (process.env.MATRIX_RECORD) {
		// A recording run writes what it saw for review and goes on to the writes, which start from these reads.
		writeFileSync(process.env.MATRIX_RECORD + '.reads.json', JSON.stringify(observed, null, '\t'));
		return;
	}
	const problems = reads
		.filter((check) => observed[check.key] !== matrix[check.key])
		.map((check) => `${check.key} (${fill(check.routeId)}): expected ${matrix[check.key]}, got ${observed[check.key]}`);
	expect(problems).toEqual([]);
});

test('every role the table refuses is refused by every form action and endpoint write, and nothing is recorded', async () => {
	test.setTimeout(180_000);
	const writes = checks.filter((check) => check.method !== 'GET');
	// What an allowed person would send, so a refusal cannot hide behind a validation error.
	const replays = new Map<string, Map<string, Record<string, string>>>();
	for (const routeId of new Set(writes.filter((check) => check.action).map((check) => check.routeId))) {
		const response = await clients.get('admin')!.get(fill(routeId), { headers: { Accept: 'text/html' } });
		replays.set(routeId, response.ok() ? formsIn(await response.text()) : new Map());
	}
	const before = await auditLog();
	const observed: Record<string, string> = {};
	await inBatches(writes, 4, async (check) => {
		const expected = matrix[check.key] ?? (process.env.MATRIX_RECORD ? (observedReads[`GET ${check.routeId}`] ?? '') : '');
		const url = fill(check.routeId) + (check.action && check.action !== 'default' ? `?/${check.action}` : '');
		let codes = '';
		for (const [index, role] of matrixRoles.entries()) {
			// Allowed writes are left to the stories that own them: replaying them here would change the demo.
			if (expected[index] === 'A') {
				codes += 'A';
				continue;
			}
			const response = await clients.get(role)!.fetch(url, {
				method: check.method,
				form: check.action ? replayFor(replays.get(check.routeId), check.action, check.key) : undefined,
				headers: { Origin: origin, Accept: 'text/html' },
				maxRedirects: 0
			});
			codes += codeOf(response) === 'A' ? `A(${response.status()})` : codeOf(response);
		}
		observed[check.key] = codes;
	});
	if (process.env.MATRIX_RECORD) writeFileSync(process.env.MATRIX_RECORD + '.writes.json', JSON.stringify(observed, null, '\t'));
	const problems = writes
		.filter((check) => observed[check.key] !== matrix[check.key])
		.map((check) => `${check.key}: expected ${matrix[check.key]}, got ${observed[check.key]}`);
	expect(problems).toEqual([]);
	expect(await auditLog(), 'audit log after the refused writes').toBe(before);
	expect(before.length, 'the audit log has entries to compare').toBeGreaterThan(0);
});
