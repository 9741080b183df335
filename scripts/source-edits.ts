// Edits to the source of a dependency, applied when the build reads the file. Each edit names a file inside
// node_modules and one exact text in it: a release that changes the text fails the build here instead of
// quietly going back to the old behaviour. Files of packages that the server build leaves external must be
// bundled for an edit to reach them (vite.config.ts, `ssr.noExternal`).
import type { Plugin } from 'vite';

export type SourceEdit = { file: string; find: string; replace: string; why: string };

/** Applies the edits that belong to `id`; `undefined` when none do. Throws when an edit's text is missing. */
export function editSource(id: string, code: string, edits: SourceEdit[]): string | undefined {
	const path = id.split('?')[0].replaceAll('\\', '/');
	const mine = edits.filter((edit) => path.endsWith(`/node_modules/${edit.file}`));
	if (mine.length === 0) return undefined;
	let edited = code;
	for (const edit of mine) {
		const at = edited.indexOf(edit.find);
		if (at === -1 || edited.indexOf(edit.find, at + 1) !== -1) {
			throw new Error(`${edit.file} no longer holds exactly one "${edit.find}" (${edit.why}): review this edit for the new release`);
		}
		edited = edited.slice(0, at) + edit.replace + edited.slice(at + edit.find.length);
	}
	return edited;
}

export function sourceEdits(edits: SourceEdit[]): Plugin {
	return {
		name: 'leitbild:source-edits',
		enforce: 'pre',
		transform(code, id) {
			const edited = editSource(id, code, edits);
			return edited === undefined ? null : { code: edited, map: null };
		}
	};
}
