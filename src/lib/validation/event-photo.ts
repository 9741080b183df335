import { z } from 'zod';
import { photoLicences } from '$lib/server/participation/event-photo.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });

/** The text fields of an upload; the file itself is checked by its content in the service. */
export const eventPhotoSchema = z.object({
	altText: text(300).min(1, { message: 'validation_required' }),
	caption: text(500).default(''),
	credit: text(200).default(''),
	licence: z.enum(photoLicences, { message: 'validation_choose' })
});
export type EventPhotoInput = z.output<typeof eventPhotoSchema>;

export const removeEventPhotoSchema = z.object({ photoId: z.uuid({ message: 'validation_invalid' }) });
