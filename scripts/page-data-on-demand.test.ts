import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageDataEdits } from './page-data-on-demand';
import { editSource } from './source-edits';
import { importOriginalAndEdited } from './source-edits.testing';

const kitRoot = path.dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const pageDir = path.join(kitRoot, 'src/runtime/server/page');
const serializerFile = path.join(pageDir, 'data_serializer.js');

type Serializer = {
	add_node(i: number, node: unknown): void;
	get_data(csp: { script_needs_nonce: boolean }): { data: string; chunks: unknown };
};
type SerializerModule = { server_data_serializer(event: unknown, state: unknown, options: unknown): Serializer };

let removeCopies = () => {};
afterAll(() => removeCopies());

/** A load result whose data counts how often a serialiser reads it. */
function countedNode() {
	const node = { reads: 0, type: 'data' as const, uses: undefined, slash: undefined, data: {} as Record<string, unknown> };
	Object.defineProperty(node.data, 'title', {
		enumerable: true,
		get() {
			node.reads += 1;
			return 'Leitbild';
		}
	});
	return node;
}

describe('page data on demand (source edit of SvelteKit)', () => {
	it('finds each edit exactly once in the installed SvelteKit', () => {
		for (const edit of pageDataEdits) {
			const file = path.join(kitRoot, '..', '..', edit.file);
			const edited = editSource(file, readFileSync(file, 'utf8'), pageDataEdits);
			expect(edited, edit.file).toContain(edit.replace);
		}
	});

	it('leaves other files alone and refuses a runtime whose text changed', () => {
		expect(editSource('/app/node_modules/@sveltejs/kit/src/runtime/server/page/load_data.js', 'x', pageDataEdits)).toBeUndefined();
		expect(editSource('/app/src/routes/+page.server.ts', 'export function server_data_serializer(', pageDataEdits)).toBeUndefined();
		expect(() => editSource(serializerFile, 'export function something_else() {}', pageDataEdits)).toThrow(/review this edit/);
	});

	it('serialises a page’s data when it is read, and the same as SvelteKit does', async () => {
		// SvelteKit's build defines this global; the runtime reads it for the name of its script global.
		(globalThis as Record<string, unknown>).__SVELTEKIT_DEV__ = false;
		const { original, edited, remove } = await importOriginalAndEdited<SerializerModule>(serializerFile, pageDataEdits);
		removeCopies = remove;
		const options = { version_hash: 'test', hooks: { transport: {} } };
		const csp = { script_needs_nonce: false };

		const eager = countedNode();
		const eagerSerializer = original.server_data_serializer({}, {}, options);
		eagerSerializer.add_node(0, null);
		eagerSerializer.add_node(1, eager);
		expect(eager.reads).toBeGreaterThan(0);

		const lazy = countedNode();
		const lazySerializer = edited.server_data_serializer({}, {}, options);
		lazySerializer.add_node(0, null);
		lazySerializer.add_node(1, lazy);
		expect(lazy.reads).toBe(0);
		expect(lazySerializer.get_data(csp)).toEqual(eagerSerializer.get_data(csp));
		expect(lazy.reads).toBe(eager.reads);
		// Read twice, serialised once.
		lazySerializer.get_data(csp);
		expect(lazy.reads).toBe(eager.reads);
	});
});
