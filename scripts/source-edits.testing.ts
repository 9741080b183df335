// For the tests of source edits: a dependency's file as it is and as edited, loaded side by side.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { editSource, type SourceEdit } from './source-edits';

/**
 * Writes the original and the edited source as copies beside `file`, so that their imports resolve as in the
 * build, and imports both. Copies, because Vitest runs this config's plugins too and would edit the original
 * on import. `remove` deletes the copies.
 */
export async function importOriginalAndEdited<Module>(file: string, edits: SourceEdit[]): Promise<{ original: Module; edited: Module; remove: () => void }> {
	const source = readFileSync(file, 'utf8');
	const copyOf = (kind: string) => path.join(path.dirname(file), `${path.basename(file, '.js')}.${kind}-test-${process.pid}.js`);
	const copies = { original: copyOf('original'), edited: copyOf('edited') };
	const remove = () => Object.values(copies).forEach((copy) => rmSync(copy, { force: true }));
	try {
		writeFileSync(copies.original, source);
		writeFileSync(copies.edited, editSource(file, source, edits)!);
		const [original, edited] = await Promise.all([import(pathToFileURL(copies.original).href), import(pathToFileURL(copies.edited).href)]);
		return { original: original as Module, edited: edited as Module, remove };
	} catch (error) {
		remove();
		throw error;
	}
}
