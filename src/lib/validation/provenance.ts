import { z } from 'zod';
import { indicatorFrequencies } from '$lib/monitoring-values';
import { knownLicences } from '$lib/licences';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });

function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
const optionalDate = z.union([z.literal('').transform(() => null), z.string().trim().refine(isCalendarDate, { message: 'validation_date' })]).default(null);

/** Licence chosen from the list, or "other" with the licence written out. */
export const OTHER_LICENCE = 'other';
const licenceChoices: string[] = ['', OTHER_LICENCE, ...knownLicences.map((licence) => licence.key)];

/**
 * A source of indicator values. The key travels through CSV files (column `source`), so it keeps the
 * alphabet the database enforces; it is lower-cased here rather than refused for a capital letter.
 */
export const indicatorSourceSchema = z
	.object({
		key: z
			.string()
			.trim()
			.toLowerCase()
			.min(1, { message: 'validation_required' })
			.max(60, { message: 'validation_too_long' })
			.regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'validation_provenance_key' }),
		publisher: required(200),
		dataset: text(300).default(''),
		method: text(2000).default(''),
		licenceChoice: z
			.string()
			.trim()
			.refine((choice) => licenceChoices.includes(choice), { message: 'validation_choose' })
			.default(''),
		licenceText: text(200).default(''),
		url: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'validation_url' }).max(500, { message: 'validation_too_long' })]).default(''),
		frequency: z.union([z.literal('').transform(() => null), z.enum(indicatorFrequencies, { message: 'validation_choose' })]).default(null),
		lastReleaseOn: optionalDate,
		nextReleaseOn: optionalDate
	})
	.refine((input) => input.licenceChoice !== OTHER_LICENCE || input.licenceText.length > 0, {
		path: ['licenceText'],
		message: 'validation_required'
	})
	.refine((input) => !input.lastReleaseOn || !input.nextReleaseOn || input.nextReleaseOn >= input.lastReleaseOn, {
		path: ['nextReleaseOn'],
		message: 'validation_provenance_next_before_last'
	})
	.transform(({ licenceChoice, licenceText, ...rest }) => ({
		...rest,
		licence: licenceChoice === OTHER_LICENCE ? licenceText : licenceChoice
	}));
export type IndicatorSourceInput = z.output<typeof indicatorSourceSchema>;

/** Which registered source an indicator's series names; empty for none. */
export const seriesSourceSchema = z.object({
	sourceId: z.union([z.literal('').transform(() => null), z.uuid({ message: 'validation_choose' })]).default(null)
});
