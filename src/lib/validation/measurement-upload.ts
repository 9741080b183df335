import { z } from 'zod';

/** The upload form's choices besides the file: German spreadsheet format and all-or-nothing by default. */
export const measurementUploadSchema = z.object({
	format: z.enum(['german', 'international'], { message: 'validation_required' }),
	mode: z.enum(['all', 'partial'], { message: 'validation_required' })
});
export type MeasurementUploadInput = z.infer<typeof measurementUploadSchema>;
