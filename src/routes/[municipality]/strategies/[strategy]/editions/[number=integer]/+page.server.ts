import { getDb, getRuntime } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getEditionPage } from '$lib/server/document/document.service';
import { editionPageView } from '$lib/server/document/edition-page.view';
import { getEditionFigures } from '$lib/server/participation/figures.service';
import { listWorkingGroupsOfEdition } from '$lib/server/participation/working-group.service';
import { getEditionDecision } from '$lib/server/document/document-decision.service';
import { contactMapOf } from '$lib/server/consent/contact-map';
import { loadTranslationView } from '$lib/server/content/content.service';
import { getLocale } from '$lib/paraglide/runtime';
import { subscribeAction } from '$lib/server/updates/updates.http';
import type { Actions, PageServerLoad } from './$types';

// The figures aggregate the whole edition (tens of milliseconds on the demo) and change only with a write,
// which clears the memo, or when an event ends: the hour in the key bounds how long that can go unseen.
const memoisedFigures = (editionId: string, scope: Omit<Parameters<typeof getEditionFigures>[0], 'editionId'>) =>
	getRuntime().publicPages.memo(`figures:${editionId}:${Math.floor(Date.now() / 3_600_000)}`, () => getEditionFigures({ ...scope, editionId }));

export const load: PageServerLoad = async ({ params, parent, cookies, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), municipalityId: municipality.id };
	const page = await loadOrError(() =>
		getEditionPage({
			...scope,
			strategySlug: params.strategy,
			number: Number(params.number),
			// Working groups and figures are read alongside the edition body, so they add no round trip in sequence.
			loadAlongside: (editionId) =>
				Promise.all([
					listWorkingGroupsOfEdition({ ...scope, editionId }),
					memoisedFigures(editionId, scope),
					getEditionDecision({ ...scope, editionId }),
					loadTranslationView({ ...scope, locale: getLocale(), refs: [{ kind: 'edition', ids: [editionId] }] })
				])
		})
	);
	const [workingGroups, figures, decision, translations] = page.workingGroups ?? [[], undefined, { decision: null, adoptedVersionNumber: null }, undefined];
	return { ...editionPageView(page), workingGroups, figures, decision, translations: translations ?? { locale: getLocale(), texts: {}, available: {} }, contactMap: contactMapOf(cookies, locals, page.contactPoint) };
};

export const actions: Actions = { subscribe: subscribeAction };
