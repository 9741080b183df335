import { z } from 'zod';
import { isWallClockTime } from '$lib/server/participation/event.time';
import { hasActiveMarkup } from '$lib/server/shared/markdown';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });

/**
 * An article as the editor saves it. `publishedAt` is the municipality's wall clock; empty means
 * "now" when publishing. A publication time in the future makes the article scheduled.
 */
export const articleSchema = z.object({
	title: required(200),
	slug: z.union([z.literal(''), z.string().trim().max(120, { message: 'validation_too_long' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'validation_slug' })]).default(''),
	lead: text(600).default(''),
	body: text(50_000)
		.refine((body) => !hasActiveMarkup(body), { message: 'validation_markdown_active' })
		.default(''),
	place: text(120).default(''),
	tags: text(500).default(''),
	publishedAt: z.union([z.literal(''), z.string().refine(isWallClockTime, { message: 'validation_date_time' })]).default(''),
	intent: z.enum(['draft', 'publish', 'archive'], { message: 'validation_invalid' }).default('draft')
});
export type ArticleInput = z.infer<typeof articleSchema>;

const optionalId = z.union([z.literal(''), z.uuid({ message: 'validation_invalid' })]).default('');

/** The article's context: an edition, a contact point and up to twenty events, each of the same municipality. */
export const articleContextSchema = z.object({
	editionId: optionalId,
	contactPointId: optionalId,
	// One ticked box arrives as a single value, several as a list, none not at all.
	eventIds: z.preprocess(
		(value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
		z.array(z.uuid({ message: 'validation_invalid' })).max(20, { message: 'validation_too_many' })
	)
});
export type ArticleContextForm = z.infer<typeof articleContextSchema>;
