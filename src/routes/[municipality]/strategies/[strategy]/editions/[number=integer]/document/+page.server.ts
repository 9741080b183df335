import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { compareDocumentVersions, getPublishedDocument } from '$lib/server/document/document-version.service';
import { getVersionComments } from '$lib/server/document/document-comment.service';
import { documentCommentActions } from '$lib/server/document/document-comment.http';
import { getTracedIdeasByLineage } from '$lib/server/document/document-trace.service';
import { documentCompareInvalid } from '$lib/server/document/document-version.errors';
import { parseVersionQuery } from '$lib/validation/document-version';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url, locals }) => {
	const { municipality } = await parent();
	const query = parseVersionQuery(url.searchParams);
	const scope = { db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) };
	return loadOrError(async () => {
		if (!query.valid) throw documentCompareInvalid();
		if (query.compare) {
			const [from, to] = query.compare;
			const view = url.searchParams.get('view') === 'side-by-side' ? ('side-by-side' as const) : ('inline' as const);
			return { mode: 'compare' as const, view, ...(await compareDocumentVersions({ ...scope, from, to })) };
		}
		const document = await getPublishedDocument({ ...scope, versionNumber: query.version });
		const [comments, traced] = await Promise.all([
			document.version ? getVersionComments({ ...scope, actor: locals.actor, edition: document.edition, version: document.version }) : null,
			getTracedIdeasByLineage({ db: scope.db, municipalityId: municipality.id, editionId: document.edition.id })
		]);
		return { mode: 'read' as const, ...document, comments, traced };
	});
};

export const actions: Actions = documentCommentActions;
