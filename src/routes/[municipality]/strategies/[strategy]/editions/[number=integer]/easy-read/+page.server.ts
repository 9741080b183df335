import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getEasyReadPage } from '$lib/server/content/content.service';
import { renderMarkdown } from '$lib/server/participation/event.markdown';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	const page = await loadOrError(() =>
		getEasyReadPage({ db: getDb(), municipalityId: municipality.id, address: { strategySlug: params.strategy, number: Number(params.number) } })
	);
	return {
		edition: page.edition,
		summaryHtml: page.summary ? renderMarkdown(page.summary) : '',
		invitationHtml: page.invitation ? renderMarkdown(page.invitation) : ''
	};
};
