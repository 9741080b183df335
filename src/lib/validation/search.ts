import { z } from 'zod';

export const SEARCH_KINDS = ['goals', 'measures', 'ideas', 'articles', 'events', 'organisations'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Matches are counted up to this many per kind; past it a narrower search is the better help. */
export const SEARCH_COUNT_CAP = 100;
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = Math.ceil(SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE);

/**
 * The address of a search: what was typed, optionally one kind of content and its page. Like the
 * other lists' filters, anything unusable falls back to the plain search instead of an error page.
 */
export const searchParamsSchema = z.object({
	q: z
		.string()
		.transform((text) => text.trim().slice(0, 200))
		.catch(''),
	kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).catch(1)
});
export type SearchParams = z.output<typeof searchParamsSchema>;
