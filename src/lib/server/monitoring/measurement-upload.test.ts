// The back-office upload of measurements: staff only, all or nothing by default, audited with the
// import, and the file is received as a stream into a size-limited temporary file.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { isDomainError } from '../shared/errors';
import { importUploadedMeasurements } from './measurement-upload';
import { receiveMeasurementUpload } from './measurement-upload.http';

let test: TestDatabase;
let pool: pg.Pool;
let dir: string;
const scope = { municipalityId: '', editionId: '' };

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Arbeit', goals: [{ title: 'Anerkennung' }] }] }] }]
			}
		],
		accounts: [
			{ email: 'moderation-a@example.org', name: 'Moderation A', password: 'passwort-moderation', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'Teilnahme', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
		]
	});
	pool = new pg.Pool({ connectionString: test.url, max: 1 });
	const { rows } = await pool.query(
		`insert into indicators (municipality_id, edition_id, goal_id, code, name, direction, baseline_value, baseline_date, target_value, target_date, frequency)
		select g.municipality_id, f.edition_id, g.id, 'beratung', 'Beratungen', 'higher_is_better', 1, '2024-01-01', 2, '2030-12-31', 'quarterly'
		from goals g join fields f on f.id = g.field_id returning municipality_id, edition_id`
	);
	scope.municipalityId = rows[0].municipality_id;
	scope.editionId = rows[0].edition_id;
	dir = await mkdtemp(path.join(tmpdir(), 'leitbild-upload-'));
});

afterAll(async () => {
	await pool.end();
	await test.drop();
	await rm(dir, { recursive: true, force: true });
});

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

async function fileWith(text: string) {
	const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
	await writeFile(file, text);
	return { path: file, name: 'werte.csv' };
}

const stored = async () => (await pool.query('select value from indicator_measurements order by period_start')).rows.map((row) => row.value);
const german = '\uFEFFindicator;period;value\n';

describe('staff upload measurements in the back office', () => {
	it('an invalid row in an all-or-nothing upload leaves nothing written and reports row, column and error', async () => {
		const actor = await actorOf('moderation-a@example.org');
		const file = await fileWith(german + 'beratung;2024-Q1;12,5\nberatung;2024-Q2;zwölf\nunbekannt;2024-Q3;3\n');
		const report = await importUploadedMeasurements({ db: test.db, actor, ...scope, file, partial: false, german: true });
		expect(report).toMatchObject({ committed: false, imported: 0, rejected: 2, rowsRead: 3 });
		expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
			[3, 'value', 'invalid_value'],
			[4, 'indicator', 'unknown_indicator']
		]);
		expect(await stored()).toEqual([]);
		expect(await test.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'measurement_import'))).toEqual([]);
	});

	it('a partial upload in German spreadsheet format imports the valid rows and audits the import with them', async () => {
		const actor = await actorOf('moderation-a@example.org');
		const file = await fileWith(german + 'beratung;2024-Q1;1.234,5\nberatung;2024-Q2;zwölf\n');
		const report = await importUploadedMeasurements({ db: test.db, actor, ...scope, file, partial: true, german: true });
		expect(report).toMatchObject({ committed: true, imported: 1, rejected: 1 });
		expect(await stored()).toEqual([1234.5]);
		const [audit] = await test.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'measurement_import'));
		expect(audit).toMatchObject({ entityId: report.batchId, actorUserId: actor.userId, after: expect.objectContaining({ imported: 1, rejected: 1, fileName: 'werte.csv' }) });
	});

	it('a participant may not import, and nothing is written', async () => {
		const before = await stored();
		const file = await fileWith(german + 'beratung;2024-Q3;7\n');
		let code: string | undefined;
		try {
			await importUploadedMeasurements({ db: test.db, actor: await actorOf('teilnahme@example.org'), ...scope, file, partial: true, german: true });
		} catch (error) {
			if (isDomainError(error)) code = error.code;
		}
		expect(code).toBe('error_forbidden');
		expect(await stored()).toEqual(before);
	});
});

describe('the upload is streamed into a temporary file', () => {
	const upload = (text: string, fields: Record<string, string> = { format: 'german', mode: 'all' }) => {
		const body = new FormData();
		for (const [name, value] of Object.entries(fields)) body.set(name, value);
		body.set('file', new File([text], 'werte.csv', { type: 'text/csv' }));
		return new Request('http://localhost/upload', { method: 'POST', body });
	};

	it('keeps the file and the fields, and the file is gone once discarded', async () => {
		const received = await receiveMeasurementUpload(upload(german + 'beratung;2024-Q1;1\n'), { dir, maxBytes: 1024 });
		if (!received.ok || !received.file) throw new Error('upload refused');
		expect(received.fields).toEqual({ format: 'german', mode: 'all' });
		expect(received.file.name).toBe('werte.csv');
		await received.discard();
		expect((await readdir(dir)).filter((name) => name.startsWith('measurements-'))).toEqual([]);
	});

	it('a file above the limit is refused and leaves no temporary file behind', async () => {
		const received = await receiveMeasurementUpload(upload(german + 'beratung;2024-Q1;1\n'.repeat(200)), { dir, maxBytes: 1024 });
		expect(received).toEqual({ ok: false, reason: 'too_large' });
		expect((await readdir(dir)).filter((name) => name.startsWith('measurements-'))).toEqual([]);
	});

	it('a body that is not a multipart form is refused', async () => {
		expect(await receiveMeasurementUpload(new Request('http://localhost/upload', { method: 'POST', body: 'format=german' }), { dir })).toEqual({ ok: false, reason: 'not_multipart' });
	});
});
