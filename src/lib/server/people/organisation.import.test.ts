import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { isDomainError } from '../shared/errors';
import { listAuditEvents } from '../audit/audit.service';
import type { Actor } from './actor';
import { organisationFilterSchema } from '../../validation/organisation';
import { importCsv } from './organisation.import';
import { getOrganisationForStaff, listOrganisationsForStaff } from './organisation.service';

let test: TestDatabase;
let muenster: string;
let facilitator: Actor;
let participant: Actor;

beforeAll(async () => {
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'muenster', name: 'Münster', districts: ['Mitte', 'Hiltrup'] },
			{ slug: 'greven', name: 'Greven' }
		],
		accounts: [
			{ email: 'begleitung@muenster.example.org', name: 'B', password, roles: [{ municipality: 'muenster', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'T', password, roles: [{ municipality: 'muenster', role: 'participant' }] }
		]
	});
	muenster = test.ids.municipalityIds.get('muenster')!;
	const membership = (role: 'facilitator' | 'participant') => [
		{ municipalityId: muenster, municipalitySlug: 'muenster', municipalityName: 'Münster', role }
	];
	facilitator = {
		userId: test.ids.accountIds.get('begleitung@muenster.example.org')!,
		name: 'B',
		email: 'begleitung@muenster.example.org',
		isPlatformAdmin: false,
		memberships: membership('facilitator')
	};
	participant = {
		userId: test.ids.accountIds.get('teilnahme@example.org')!,
		name: 'T',
		email: 'teilnahme@example.org',
		isPlatformAdmin: false,
		memberships: membership('participant')
	};
});
afterAll(() => test.drop());

const names = async (municipalityId = muenster) =>
	(
		await listOrganisationsForStaff({
			db: test.db,
			actor: facilitator.memberships[0].municipalityId === municipalityId ? facilitator : { ...facilitator, isPlatformAdmin: true },
			municipalityId,
			filter: organisationFilterSchema.parse({})
		})
	).organisations.map((row) => row.name);

const withBadRow = [
	'name;sector;district;email;listed_publicly',
	'Nachbarschaftshilfe Mitte;association;Mitte;kontakt@nachbarn.example.org;ja',
	'Hochschulgruppe Vielfalt;university;;;nein',
	'Unbekannt e. V.;verein;Atlantis;keine-adresse;vielleicht'
].join('\n');

it('a file with one invalid row imports nothing and reports row, field and problem', async () => {
	const report = await importCsv({ db: test.db, actor: facilitator, municipalityId: muenster, kind: 'organisations', text: withBadRow, skipInvalid: false });
	expect(report.committed).toBe(false);
	expect(report.imported).toBe(0);
	expect(report.problems).toEqual(
		expect.arrayContaining([
			{ row: 4, field: 'sector', problem: 'validation_invalid' },
			{ row: 4, field: 'email', problem: 'validation_email' },
			{ row: 4, field: 'listed_publicly', problem: 'validation_yes_no' }
		])
	);
	expect(await names()).toEqual([]);
	const { events } = await listAuditEvents({ db: test.db, actor: { ...facilitator, isPlatformAdmin: true }, municipalityId: muenster });
	expect(events.filter((event) => event.entityType === 'organisation_import')).toEqual([]);
});

it('an unknown district is reported against its row', async () => {
	const text = 'name,sector,district\nVerein am Hafen,association,Atlantis';
	const report = await importCsv({ db: test.db, actor: facilitator, municipalityId: muenster, kind: 'organisations', text, skipInvalid: false });
	expect(report.problems).toEqual([{ row: 2, field: 'district', problem: 'organisations_district_unknown' }]);
});

it('skipping invalid rows imports only the valid ones, as one audited import', async () => {
	const report = await importCsv({ db: test.db, actor: facilitator, municipalityId: muenster, kind: 'organisations', text: withBadRow, skipInvalid: true });
	expect(report).toMatchObject({ committed: true, rows: 3, imported: 2, skipped: 1 });
	expect(await names()).toEqual(['Hochschulgruppe Vielfalt', 'Nachbarschaftshilfe Mitte']);
	const { events } = await listAuditEvents({ db: test.db, actor: { ...facilitator, isPlatformAdmin: true }, municipalityId: muenster });
	const imports = events.filter((event) => event.entityType === 'organisation_import');
	expect(imports).toHaveLength(1);
	expect(imports[0].after).toEqual({ kind: 'organisations', rows: 3, imported: 2, skipped: 1 });
	const { organisation } = await getOrganisationForStaff({ db: test.db, actor: facilitator, municipalityId: muenster, slug: 'nachbarschaftshilfe-mitte' });
	expect(organisation.listedPubliclySince).not.toBeNull();
	expect(organisation.districtId).not.toBeNull();
});

it('a name already in the registry or twice in the file is refused', async () => {
	const text = 'name,sector\nnachbarschaftshilfe mitte,association\nNeu,other\nneu,other';
	const report = await importCsv({ db: test.db, actor: facilitator, municipalityId: muenster, kind: 'organisations', text, skipInvalid: false });
	expect(report.problems).toEqual([
		{ row: 2, field: 'name', problem: 'organisations_name_taken' },
		{ row: 4, field: 'name', problem: 'organisations_import_duplicate_name' }
	]);
});

it('people are imported with their memberships, found by organisation name, one person per e-mail', async () => {
	const text = [
		'name,email,organisation,role',
		'Mina Beispiel,mina@example.org,Nachbarschaftshilfe Mitte,contact',
		'Mina Beispiel,MINA@example.org,Hochschulgruppe Vielfalt,',
		'Paul Ohnemail,,Nachbarschaftshilfe Mitte,board'
	].join('\n');
	const report = await importCsv({ db: test.db, actor: facilitator, municipalityId: muenster, kind: 'people', text, skipInvalid: false });
	expect(report).toMatchObject({ committed: true, imported: 3, problems: [] });
	const { members } = await getOrganisationForStaff({ db: test.db, actor: facilitator, municipalityId: muenster, slug: 'nachbarschaftshilfe-mitte' });
	expect(members.map((member) => [member.name, member.role])).toEqual([
		['Mina Beispiel', 'contact'],
		['Paul Ohnemail', 'board']
	]);
	const other = await getOrganisationForStaff({ db: test.db, actor: facilitator, municipalityId: muenster, slug: 'hochschulgruppe-vielfalt' });
	expect(other.members.map((member) => [member.personId, member.role])).toEqual([[members[0].personId, 'member']]);
});

it('a person in an organisation that is not in the registry is reported, nothing imported', async () => {
	const text = 'name,organisation\nLea Neu,Gibt Es Nicht e. V.\nTom Neu,Nachbarschaftshilfe Mitte';
	const report = await importCsv({ db: test.db, actor: facilitator, municipalityId: muenster, kind: 'people', text, skipInvalid: false });
	expect(report.problems).toEqual([{ row: 2, field: 'organisation', problem: 'organisations_import_unknown_organisation' }]);
	const { members } = await getOrganisationForStaff({ db: test.db, actor: facilitator, municipalityId: muenster, slug: 'nachbarschaftshilfe-mitte' });
	expect(members.map((member) => member.name)).not.toContain('Tom Neu');
});

it('a file without the required columns is refused as a whole', async () => {
	const report = await importCsv({ db: test.db, actor: facilitator, municipalityId: muenster, kind: 'organisations', text: 'titel\nIrgendwas', skipInvalid: true });
	expect(report.committed).toBe(false);
	expect(report.problems).toEqual([
		{ row: 1, field: 'name', problem: 'organisations_import_missing_column' },
		{ row: 1, field: 'sector', problem: 'organisations_import_missing_column' }
	]);
});

it('a participant may not import', async () => {
	const outcome = await importCsv({ db: test.db, actor: participant, municipalityId: muenster, kind: 'organisations', text: 'name,sector\nX,other', skipInvalid: false }).then(
		() => 'imported',
		(error: unknown) => (isDomainError(error) ? error.code : 'other')
	);
	expect(outcome).toBe('error_forbidden');
});

const run = promisify(execFile);
const cli = (args: string[]) =>
	run('npx', ['tsx', 'scripts/import.ts', ...args], { env: { ...process.env, DATABASE_URL: test.url }, cwd: process.cwd() }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr })
	);

it('the command line refuses a file with an invalid row in English and imports it with --skip-invalid', { timeout: 60_000 }, async () => {
	const directory = mkdtempSync(path.join(tmpdir(), 'import-'));
	const file = path.join(directory, 'greven.csv');
	writeFileSync(file, 'name,sector\nGrevener Tafel,welfare\nOhne Bereich,\n');
	const refused = await cli(['organisations', file, '--municipality', 'greven']);
	expect(refused.code).toBe(2);
	expect(refused.stderr).toContain('row 3, sector: This entry is not valid.');
	expect(await names(test.ids.municipalityIds.get('greven')!)).toEqual([]);
	const skipped = await cli(['organisations', file, '--municipality', 'greven', '--skip-invalid']);
	expect(skipped.code).toBe(0);
	expect(skipped.stdout).toContain('Imported 1 of 2 rows (1 skipped).');
	expect(await names(test.ids.municipalityIds.get('greven')!)).toEqual(['Grevener Tafel']);
});
