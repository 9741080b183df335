import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { testFilesUsingTheDatabase } from './test-postgres15';

const root = path.resolve(import.meta.dirname, '..');

it('the run on PostgreSQL 15 takes the server test files that open a test database, and no others', () => {
	const files = testFilesUsingTheDatabase(root);
	expect(files).toContain('src/lib/server/participation/idea.service.test.ts');
	expect(files).toContain('src/lib/server/db/query-plans.test.ts');
	expect(files).not.toContain('src/lib/server/shared/slug.test.ts');
	expect(files).not.toContain('src/lib/server/db/embedded.test.ts');
	for (const file of files) {
		expect(file).toMatch(/^src\/lib\/server\/.+\.test\.ts$/);
		expect(existsSync(path.join(root, file))).toBe(true);
	}
});
