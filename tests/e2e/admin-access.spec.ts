import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { APIRequestContext, APIResponse, Browser, BrowserContext, Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';
import { actionNamesOf, inBatches } from '../route-inventory';
import { demoEventIds } from '../../src/lib/server/demo/demo-event-ids';
import { demoMonitoringIds } from '../../src/lib/server/demo/demo-monitoring-ids';
import { demoArticleIds } from '../../src/lib/server/demo/demo-news-ids';
import { demoSourceIds } from '../../src/lib/server/demo/demo-s-prov-ids';

// The back office is enumerated from the file system at test time, so every admin page and form
// action added later is covered without touching this spec. A route parameter this spec cannot fill
// fails the first test instead of silently dropping the route.

const routesDir = path.resolve(import.meta.dirname, '../../src/routes');
const adminDir = path.join(routesDir, 'admin');

type Municipality = 'greven' | 'muenster';
const demo: Record<Municipality, { strategy: string; edition: string }> = {
	greven: { strategy: 'integrationskonzept', edition: '1' },
	muenster: { strategy: 'migration-und-integration', edition: '1' }
};
const paramFillers: Record<string, (municipality: Municipality) => string> = {
	municipality: (municipality) => municipality,
	strategy: (municipality) => demo[municipality].strategy,
	'number=integer': (municipality) => demo[municipality].edition,
	number: (municipality) => demo[municipality].edition,
	organisation: (municipality) => (municipality === 'greven' ? 'grevener-tafel-demo' : 'kulturverein-anatolia-muenster-demo'),
	id: (municipality) => demoEventIds[municipality],
	article: (municipality) => demoArticleIds[municipality],
	'measure=uuid': (municipality) => demoMonitoringIds[municipality].measure,
	'indicator=uuid': (municipality) => demoMonitoringIds[municipality].indicator,
	'source=uuid': (municipality) => demoSourceIds[municipality],
	// Translations: a tracked measure, which process staff translate.
	kind: () => 'measure',
	'entity=uuid': (municipality) => demoMonitoringIds[municipality].measure,
	// A field of action's id is read from the public API before the first test (beforeAll).
	'field=uuid': (municipality) => fieldPlaceholder(municipality)
};
const fieldPlaceholder = (municipality: Municipality) => `field-of-${municipality}`;

// Facilitators run organisations, events, working groups, moderation and the monitors of their
// municipality, an edition's invitations, draft editions' documents with their comments and their way through the council; nothing else here.
const isFacilitatorPage = (routeId: string) =>
	/^\/admin\/\[municipality\]\/(organisations|events|working-groups|moderation|monitor|media)(\/|$)/.test(routeId) ||
	/^\/admin\/\[municipality\]\/strategies\/\[strategy\]\/editions\/\[number=integer\]\/(invitations|monitor)(\/|$)/.test(routeId) ||
	/^\/admin\/\[municipality\]\/strategies\/\[strategy\]\/editions\/\[number=integer\]\/document(\/ideas|\/fields\/\[field=uuid\])?$/.test(routeId) ||
	routeId === '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/comments' ||
	routeId === '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/council' ||
	routeId === '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/easy-read' ||
	routeId === '/admin/[municipality]/translations/[kind]/[entity=uuid]';

type AdminPage = { routeId: string; path: string; municipality: Municipality | null; actions: string[] };

/** HTTP methods a +server.ts exports; `fallback` answers every other method, so PUT stands in for it. */
function endpointMethodsOf(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const names: string[] = [];
	for (const statement of source.statements) {
		const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
		if (ts.isFunctionDeclaration(statement) && exported && statement.name) names.push(statement.name.text);
		if (ts.isVariableStatement(statement) && exported) {
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
			}
		}
		if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
			for (const element of statement.exportClause.elements) names.push(element.name.text);
		}
	}
	const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
	return names.flatMap((name) => (methods.includes(name) ? [name] : name === 'fallback' ? ['PUT'] : []));
}

type RouteFile = { routeId: string; directory: string; path: string; municipality: Municipality | null };

/** Every route under /admin that has the given file, once per demo municipality where the address names one. */
function enumerateAdminRoutes(fileName: string): { routes: RouteFile[]; unfillable: string[] } {
	const routes: RouteFile[] = [];
	const unfillable: string[] = [];
	const files = (readdirSync(adminDir, { recursive: true }) as string[]).filter((file) => path.basename(file) === fileName);
	for (const file of files.sort()) {
		const directory = path.dirname(path.join(adminDir, file));
		const segments = path
			.relative(routesDir, directory)
			.split(path.sep)
			.filter((segment) => !/^\(.+\)$/.test(segment));
		const routeId = '/' + segments.join('/');
		const params = [...routeId.matchAll(/\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g)].map((match) => match[1]);
		const unknown = params.filter((param) => !(param in paramFillers));
		if (unknown.length > 0) {
			unfillable.push(`${routeId} (${unknown.join(', ')})`);
			continue;
		}
		const municipalities: (Municipality | null)[] = params.includes('municipality') ? ['greven', 'muenster'] : [null];
		for (const municipality of municipalities) {
			const filled = routeId.replace(/\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g, (_, param: string) =>
				paramFillers[param](municipality ?? 'muenster')
			);
			routes.push({ routeId, directory, path: filled, municipality });
		}
	}
	return { routes, unfillable };
}

const pageRoutes = enumerateAdminRoutes('+page.svelte');
const endpointRoutes = enumerateAdminRoutes('+server.ts');
const unfillable = [...pageRoutes.unfillable, ...endpointRoutes.unfillable];
const adminPages: AdminPage[] = pageRoutes.routes.map((route) => ({
	...route,
	actions: existsSync(path.join(route.directory, '+page.server.ts')) ? actionNamesOf(path.join(route.directory, '+page.server.ts')) : []
}));
const adminEndpoints = endpointRoutes.routes.map((route) => ({ ...route, methods: endpointMethodsOf(path.join(route.directory, '+server.ts')) }));
const actionUrl = (page: AdminPage, action: string) => (action === 'default' ? page.path : `${page.path}?/${action}`);

type Role = 'anonymous' | 'participant' | 'muensterFacilitator' | 'grevenAdmin' | 'muensterAdmin' | 'platformAdmin';
const accounts: Record<Exclude<Role, 'anonymous'>, { email: string; password: string }> = {
	participant: { email: 'teilnahme@example.org', password: 'demo-participant' },
	muensterFacilitator: { email: 'moderation@muenster.example.org', password: 'demo-facilitator-muenster' },
	grevenAdmin: { email: 'admin@greven.example.org', password: 'demo-admin-greven' },
	muensterAdmin: { email: 'admin@muenster.example.org', password: 'demo-admin-muenster' },
	platformAdmin: { email: 'plattform@example.org', password: 'demo-platform-admin' }
};
const ownerOf = (page: AdminPage): Role =>
	page.municipality === 'greven' ? 'grevenAdmin' : page.municipality === 'muenster' ? 'muensterAdmin' : 'platformAdmin';

let origin: string;
const contexts = new Map<Role, BrowserContext>();
const client = (role: Role): APIRequestContext => contexts.get(role)!.request;

test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
	// Five password hashes on a shared two-core machine can take longer than the default 30 s.
	testInfo.setTimeout(120_000);
	origin = new URL(testInfo.project.use.baseURL!).origin;
	// One sign-in per account for the whole file: sign-ins count against the per-address rate limit.
	contexts.set('anonymous', await browser.newContext({ baseURL: origin }));
	for (const municipality of Object.keys(demo) as Municipality[]) {
		const { strategy, edition } = demo[municipality];
		const response = await client('anonymous').get(`/api/v1/municipalities/${municipality}/strategies/${strategy}/editions/${edition}`);
		expect(response.status()).toBe(200);
		const fieldId = ((await response.json()) as { fields: { id: string }[] }).fields[0].id;
		for (const route of [...adminPages, ...adminEndpoints]) route.path = route.path.replace(fieldPlaceholder(municipality), fieldId);
	}
	for (const [role, account] of Object.entries(accounts) as [Role, { email: string; password: string }][]) {
		const context = await browser.newContext({ baseURL: origin });
		const page = await context.newPage();
		await signIn(page, account.email, account.password);
		await page.close();
		contexts.set(role, context);
	}
});

test.afterAll(async () => {
	for (const context of contexts.values()) await context.close();
});

async function open(role: Role, url: string): Promise<APIResponse> {
	return client(role).get(url, { maxRedirects: 0, headers: { Accept: 'text/html' } });
}

/** 401, 403, or a 303 to the sign-in page: the three ways the back office turns someone away. */
function refusal(response: APIResponse): string | null {
	const status = response.status();
	if (status === 401 || status === 403) return null;
	const location = response.headers()['location'] ?? '';
	if (status === 303 && new URL(location, origin).pathname.endsWith('/sign-in')) return null;
	return `${status}${location ? ` → ${location}` : ''}`;
}

/**
 * Those who must not write through a page: on a municipality's pages everyone but its own admin and
 * the platform admin; elsewhere whoever is turned away when opening the page.
 */
async function attackersOf(adminPage: AdminPage): Promise<Role[]> {
	if (adminPage.municipality) {
		const attackers: Role[] = ['anonymous', 'participant', adminPage.municipality === 'greven' ? 'muensterAdmin' : 'grevenAdmin'];
		if (adminPage.municipality === 'greven' || !isFacilitatorPage(adminPage.routeId)) attackers.push('muensterFacilitator');
		return attackers;
	}
	const attackers: Role[] = [];
	for (const role of ['anonymous', 'participant', 'muensterFacilitator', 'grevenAdmin', 'muensterAdmin', 'platformAdmin'] as Role[]) {
		if (refusal(await open(role, adminPage.path)) === null) attackers.push(role);
	}
	return attackers;
}

type FormReplay = Record<string, Record<string, string>>;

/**
 * What each form on the page would send, as its rightful admin sees it, with required empty fields
 * filled in: replaying a valid submission as someone else is what an attacker would do.
 */
async function formsOf(page: Page): Promise<FormReplay> {
	return page.evaluate(() => {
		const replay: Record<string, Record<string, string>> = {};
		for (const form of Array.from(document.forms)) {
			// The attribute, not the property: a field named "method" (a data source's method) shadows form.method.
			if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
			const name = /\?\/([\w-]+)/.exec(form.getAttribute('action') ?? '')?.[1] ?? 'default';
			if (replay[name]) continue;
			const values: Record<string, string> = {};
			for (const element of Array.from(form.elements)) {
				if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
				if (!element.name || element.disabled) continue;
				if (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type) && !element.checked) continue;
				if (element instanceof HTMLInputElement && ['file', 'submit', 'button'].includes(element.type)) continue;
				let value = element.value;
				if (!value && element.required) {
					const type = element instanceof HTMLInputElement ? element.type : 'text';
					value = { email: 'zugriff@example.org', url: 'https://example.org', number: '1', date: '2026-01-01' }[type] ?? 'zugriffstest';
				}
				values[element.name] = value;
			}
			replay[name] = values;
		}
		return replay;
	});
}

async function auditLog(municipality: Municipality): Promise<string[]> {
	const owner = contexts.get(municipality === 'greven' ? 'grevenAdmin' : 'muensterAdmin')!;
	const page = await owner.newPage();
	try {
		const response = await page.goto(`/admin/${municipality}/audit`);
		expect(response?.status()).toBe(200);
		return await page.locator('.audit-list > li').allTextContents();
	} finally {
		await page.close();
	}
}

async function auditLogs(): Promise<Record<Municipality, string[]>> {
	return { greven: await auditLog('greven'), muenster: await auditLog('muenster') };
}

test('every admin page and endpoint can be reached by this spec: no route parameter is left unfilled', () => {
	expect(unfillable, 'route parameters without a value in paramFillers of admin-access.spec.ts').toEqual([]);
	const routes = adminPages.map((page) => page.routeId);
	for (const known of ['/admin', '/admin/new', '/admin/[municipality]', '/admin/[municipality]/audit']) expect(routes).toContain(known);
	expect(adminPages.find((page) => page.path === '/admin/muenster')?.actions).toEqual(
		expect.arrayContaining(['settings', 'addDistrict', 'renameDistrict', 'removeDistrict'])
	);
	expect(adminPages.find((page) => page.path === '/admin/new')?.actions).toEqual(['default']);
});

test('an anonymous visitor is sent to sign-in or refused on every admin page', async () => {
	const problems: string[] = [];
	for (const page of adminPages) {
		const problem = refusal(await open('anonymous', page.path));
		if (problem) problems.push(`${page.path}: ${problem}`);
	}
	expect(problems).toEqual([]);
});

test('a signed-in participant gets 403 on every admin page', async () => {
	const problems: string[] = [];
	for (const page of adminPages) {
		const status = (await open('participant', page.path)).status();
		if (status !== 403) problems.push(`${page.path}: ${status}`);
	}
	expect(problems).toEqual([]);
});

test('the admin of one municipality gets 403 on every admin page of the other', async () => {
	const problems: string[] = [];
	for (const page of adminPages.filter((page) => page.municipality)) {
		const intruder: Role = page.municipality === 'muenster' ? 'grevenAdmin' : 'muensterAdmin';
		const status = (await open(intruder, page.path)).status();
		if (status !== 403) problems.push(`${intruder} on ${page.path}: ${status}`);
	}
	expect(problems).toEqual([]);
});

test('a facilitator opens the organisation pages of their own municipality and gets 403 on every other admin page', async () => {
	const problems: string[] = [];
	for (const page of adminPages.filter((page) => page.municipality)) {
		const allowed = page.municipality === 'muenster' && isFacilitatorPage(page.routeId);
		const status = (await open('muensterFacilitator', page.path)).status();
		if (status !== (allowed ? 200 : 403)) problems.push(`${page.path}: ${status}`);
	}
	expect(problems).toEqual([]);
	expect(adminPages.filter((page) => isFacilitatorPage(page.routeId)).length).toBeGreaterThanOrEqual(8);
});

test('every back-office endpoint refuses anonymous visitors, participants and the other municipality’s admin', async () => {
	// Layout loads do not run for +server.ts, so an endpoint must check on its own.
	const problems: string[] = [];
	for (const endpoint of adminEndpoints) {
		const intruders: Role[] = ['anonymous', 'participant'];
		if (endpoint.municipality) intruders.push(endpoint.municipality === 'greven' ? 'muensterAdmin' : 'grevenAdmin');
		for (const role of intruders) {
			for (const method of endpoint.methods) {
				const response = await client(role).fetch(endpoint.path, {
					method,
					headers: { Origin: origin, Accept: 'text/html' },
					maxRedirects: 0
				});
				const problem = refusal(response);
				if (problem) problems.push(`${role} ${method} ${endpoint.path}: ${problem}`);
			}
		}
	}
	expect(problems).toEqual([]);
});

test('whoever may not open an admin page cannot use its form actions either, and nothing is recorded', async () => {
	// Every page with a form is scanned with axe first; the monitors' pages made the list long.
	test.setTimeout(480_000);
	const replays = new Map<string, FormReplay>();
	const withForms = adminPages.filter((page) => page.actions.length > 0);
	// One page per account, led from form to form, the accounts side by side. A new page for each form
	// starts a renderer process each time, and axe's first scan in a fresh renderer takes three times as
	// long as the next ones.
	const pagesOf = new Map<Role, AdminPage[]>();
	for (const adminPage of withForms) pagesOf.set(ownerOf(adminPage), [...(pagesOf.get(ownerOf(adminPage)) ?? []), adminPage]);
	await Promise.all(
		[...pagesOf].map(async ([owner, adminPages]) => {
			const page = await contexts.get(owner)!.newPage();
			for (const adminPage of adminPages) {
				const response = await page.goto(adminPage.path);
				expect(response?.status(), `${owner} opens ${adminPage.path}`).toBe(200);
				await checkPage(page);
				replays.set(adminPage.path, await formsOf(page));
			}
			await page.close();
		})
	);
	const before = await auditLogs();
	const problems: string[] = [];
	const attacks: { role: Role; adminPage: AdminPage; action: string }[] = [];
	for (const adminPage of withForms) {
		for (const role of await attackersOf(adminPage)) for (const action of adminPage.actions) attacks.push({ role, adminPage, action });
	}
	const attempts = attacks.length;
	await inBatches(attacks, 8, async ({ role, adminPage, action }) => {
		const response = await client(role).post(actionUrl(adminPage, action), {
			form: replays.get(adminPage.path)?.[action] ?? {},
			headers: { Origin: origin, Accept: 'text/html' },
			maxRedirects: 0
		});
		const problem = refusal(response);
		if (problem) problems.push(`${role} POST ${actionUrl(adminPage, action)}: ${problem}`);
	});
	expect(problems).toEqual([]);
	// Anonymous visitors and participants alone make two refused writes per action.
	expect(attempts).toBeGreaterThanOrEqual(2 * adminPages.reduce((sum, page) => sum + page.actions.length, 0));
	expect(await auditLogs()).toEqual(before);

	// The same replay from the rightful admin goes through and is recorded, so the checks above
	// would have seen a write that slipped past the authorisation.
	const own = await client('grevenAdmin').post('/admin/greven?/settings', {
		form: replays.get('/admin/greven')!.settings,
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(own.status()).toBe(200);
	const after = await auditLogs();
	expect(after.greven.length).toBe(before.greven.length + 1);
	expect(after.muenster).toEqual(before.muenster);
});

test('a form post from a foreign origin is refused even for the rightful admin', async () => {
	const page = await contexts.get('muensterAdmin')!.newPage();
	await page.goto('/admin/muenster');
	const settings = (await formsOf(page)).settings;
	await page.close();
	const before = await auditLogs();
	for (const [url, role] of [
		['/admin/muenster?/settings', 'muensterAdmin'],
		['/sign-in', 'anonymous']
	] as [string, Role][]) {
		const response = await client(role).post(url, {
			form: url === '/sign-in' ? accounts.muensterAdmin : settings,
			headers: { Origin: 'https://angreifer.example', Accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), `${url} from a foreign origin`).toBe(403);
		expect(response.headers()['set-cookie'] ?? '').not.toContain('session');
	}
	expect(await auditLogs()).toEqual(before);
});
