import { expect, test } from '@playwright/test';
import { test as storyTest } from './fixtures';

// A developer of a newspaper's data desk reads the OpenAPI document, then walks the measures of the
// 4th edition page by page and downloads them as CSV — without an account, from another origin.

const edition = '/api/v1/municipalities/muenster/strategies/migration-und-integration/editions/4';

test('the OpenAPI document describes the API and is served with open CORS', async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json', { headers: { origin: 'https://daten.example.org' } });
	expect(response.status()).toBe(200);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
	const document = await response.json();
	expect(document.openapi).toBe('3.1.0');
	expect(Object.keys(document.paths)).toContain('/municipalities/{municipality}/strategies/{strategy}/editions/{number}/measures');
	expect(document.servers[0].url).toMatch(/\/api\/v1$/);

	const preflight = await request.fetch('/api/v1/municipalities', {
		method: 'OPTIONS',
		headers: { origin: 'https://daten.example.org', 'access-control-request-method': 'GET' }
	});
	expect(preflight.status()).toBe(204);
	expect(preflight.headers()['access-control-allow-methods']).toContain('GET');
});

test('the measures of an edition, page by page, then as CSV; cookies change nothing', async ({ request }) => {
	const seen = new Set<string>();
	let next: string | null = `${edition}/measures?limit=25`;
	let pages = 0;
	while (next) {
		const response = await request.get(next, { headers: { cookie: 'better-auth.session_token=unbekannt' } });
		expect(response.status()).toBe(200);
		expect(response.headers()['cache-control']).toBe('public, max-age=60');
		const body: { data: { id: string; status: string }[]; next: string | null } = await response.json();
		for (const measure of body.data) seen.add(measure.id);
		next = body.next;
		pages++;
	}
	expect(pages).toBeGreaterThan(1);
	expect(seen.size).toBeGreaterThan(25);

	const first = await request.get(`${edition}/measures?limit=5`);
	const again = await request.get(`${edition}/measures?limit=5`, { headers: { 'if-none-match': first.headers()['etag'] } });
	expect(again.status()).toBe(304);

	const csv = await request.get(`${edition}/measures.csv`);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const lines = (await csv.text()).trimEnd().split('\r\n');
	expect(lines[0].startsWith('number,id,lineage_id,title')).toBe(true);
	expect(lines).toHaveLength(seen.size + 1);

	// The public monitor links its CSV download.
	const monitor = await request.get('/muenster/strategies/migration-und-integration/editions/4/monitor');
	expect(await monitor.text()).toContain(`href="${edition}/measures.csv"`);

	const unknown = await request.get('/api/v1/municipalities/nirgendwo/events');
	expect(unknown.status()).toBe(404);
	expect(await unknown.json()).toMatchObject({ code: 'not_found' });
	const nowhere = await request.get('/api/v1/gibt-es-nicht');
	expect(nowhere.status()).toBe(404);
	expect(await nowhere.json()).toMatchObject({ code: 'not_found' });
});

test('the measurements of an edition as CSV in the exchange format, described by a Frictionless data package', async ({ request }) => {
	const monitor = '/muenster/strategies/migration-und-integration/editions/4/monitor';
	const descriptor = await (await request.get(`${edition}/datapackage.json`)).json();
	expect(descriptor.profile).toBe('tabular-data-package');
	const [measurements] = descriptor.resources;
	expect(new URL(measurements.path).pathname).toBe(`${monitor}/measurements.csv`);
	const fields: string[] = measurements.schema.fields.map((field: { name: string }) => field.name);

	const csv = await request.get(new URL(measurements.path).pathname);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const lines = (await csv.text()).trimEnd().split('\n');
	expect(lines[0]).toBe(fields.join(','));
	expect(lines.length).toBeGreaterThan(10);
	// The demo's confidential district value leaves the monitor only as a suppressed cell.
	expect(lines.some((line) => line.split(',').includes('suppressed'))).toBe(true);

	const page = await request.get(monitor);
	expect(await page.text()).toContain(`href="${monitor}/datapackage.json"`);
	expect((await request.get(`${monitor}/datapackage.json`)).status()).toBe(200);
	expect((await request.get('/muenster/strategies/migration-und-integration/editions/99/monitor/measurements.csv')).status()).toBe(404);
});

// A resident of Münster reads the waiting time at the citizens' office and puts Greven's published series beside it.
storyTest('an indicator next to the same indicator of another municipality on the install', async ({ page, visit, request }) => {
	const list: { data: { name: string; links: { html: string } }[] } = await (await request.get(`${edition}/indicators?limit=200`)).json();
	const waiting = list.data.find((indicator) => indicator.name === 'Wartezeit auf einen Termin im Bürgerbüro')!;
	const path = new URL(waiting.links.html).pathname;
	const peer = /<option value="([0-9a-f-]{36})"[^>]*>\s*Greven/.exec(await (await request.get(path)).text())?.[1];
	expect(peer).toBeTruthy();
	await visit(`${path}?peer=${peer}`);
	await expect(page.getByRole('heading', { level: 2, name: 'Vergleich mit anderen Kommunen' })).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Kommune zum Vergleich' })).toHaveValue(peer!);
	await expect(page.getByRole('table', { name: /Münster und Greven/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Indikator bei Greven ansehen' })).toBeVisible();
});

// A researcher studying the participation reads every visible idea of the 4th edition, with what became of it.
test('the ideas of an edition, page by page, without their authors; adopted ones name where they were taken up', async ({ request }) => {
	const list = await (await request.get('/muenster/strategies/migration-und-integration/editions/4/ideas')).text();
	const listed = Number(/Ideen: (\d+)/.exec(list)?.[1]);
	type Idea = { id: string; title: string; status: string; takenUpIn: string[]; links: { html: string } };
	const seen: Idea[] = [];
	let next: string | null = `${edition}/ideas?limit=40`;
	while (next) {
		const response = await request.get(next);
		expect(response.status()).toBe(200);
		const text = await response.text();
		// The demo's participants are named on no page of the API.
		expect(text).not.toMatch(/@(muenster\.)?example\.org/);
		const body: { data: Idea[]; next: string | null } = JSON.parse(text);
		seen.push(...body.data);
		next = body.next;
	}
	expect(new Set(seen.map((idea) => idea.id)).size).toBe(seen.length);
	// The list counts the idea hidden by moderation as well; the API leaves it out.
	expect(seen.length).toBeGreaterThanOrEqual(listed - 1);
	expect(seen.length).toBeLessThanOrEqual(listed);
	expect(seen.some((idea) => idea.status === 'adopted' && idea.takenUpIn.length > 0)).toBe(true);
	const adopted: { data: Idea[] } = await (await request.get(`${edition}/ideas?status=adopted&limit=200`)).json();
	expect(adopted.data.length).toBe(seen.filter((idea) => idea.status === 'adopted').length);
	expect((await request.get(new URL(seen[0].links.html).pathname)).status()).toBe(200);
});
