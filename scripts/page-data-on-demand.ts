// A build step for SvelteKit's server runtime: the data of a page's server `load` functions is serialised only
// when the page sends it to a browser.
//
// SvelteKit turns every server load's result into JavaScript source (devalue) while the load finishes, and
// render_response asks for that source even when the page has `csr = false` and therefore no script that
// could read it. Our public reading pages have no client-side rendering, so on every uncached request the
// edition page spent 7 % of its CPU and a fifth of its allocations (380 of 1,800 KB) making a string it then
// dropped. SvelteKit 2.70 has no option for this, and its main branch (3.0 pre-releases) does the same.
//
// The serialiser keeps each node's data and serialises it when render_response reads it, which it now does
// only with client-side rendering. Pages with client-side rendering and __data.json (its own serialiser) get
// the same output as before. Each edit must find its text: a SvelteKit release that changes it fails the build
// here instead of quietly serialising again (scripts/source-edits.ts).
import type { SourceEdit } from './source-edits';

const runtime = '@sveltejs/kit/src/runtime/server/page/';
const why = 'page data serialised only for client-side rendering';

export const pageDataEdits: SourceEdit[] = [
	{
		file: `${runtime}data_serializer.js`,
		why,
		find: 'export function server_data_serializer(',
		replace: `export function server_data_serializer(event, event_state, options) {
	const serializer = serialise_as_loaded(event, event_state, options);
	/** @type {Map<number, any>} */
	const loaded = new Map();
	return {
		set_max_nodes: (i) => serializer.set_max_nodes(i),
		add_node: (i, node) => void loaded.set(i, node),
		get_data(csp) {
			for (const [i, node] of loaded) serializer.add_node(i, node);
			loaded.clear();
			return serializer.get_data(csp);
		}
	};
}

function serialise_as_loaded(`
	},
	{
		file: `${runtime}render.js`,
		why,
		find: 'const { data, chunks } = data_serializer.get_data(csp);',
		replace: "const { data, chunks } = page_config.csr ? data_serializer.get_data(csp) : { data: '', chunks: null };"
	}
];
