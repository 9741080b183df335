import { z } from 'zod';
import { photoLicences } from '$lib/server/participation/event-photo.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });

/**
 * The description of a library image. Alt text is required unless the uploader states explicitly that
 * the image is decorative (then screen readers skip it and the alt text stays empty).
 */
export const mediaMetadataSchema = z
	.object({
		title: text(200).default(''),
		altText: text(300).default(''),
		decorative: z
			.enum(['on', 'true', ''], { message: 'validation_invalid' })
			.optional()
			.transform((value) => value === 'on' || value === 'true'),
		caption: text(500).default(''),
		credit: text(200).default(''),
		licence: z.enum(photoLicences, { message: 'validation_choose' })
	})
	.superRefine((value, context) => {
		if (!value.decorative && value.altText === '') context.addIssue({ code: 'custom', path: ['altText'], message: 'validation_media_alt_required' });
	})
	.transform((value) => ({ ...value, altText: value.decorative ? '' : value.altText }));
export type MediaMetadataInput = z.output<typeof mediaMetadataSchema>;

export const mediaIdSchema = z.object({ mediaId: z.uuid({ message: 'validation_invalid' }) });

/** The lead-image form of an article: an image of the library, or empty for none. */
export const leadImageSchema = z.object({ mediaId: z.union([z.literal(''), z.uuid({ message: 'validation_invalid' })]).default('') });
