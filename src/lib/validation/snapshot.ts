import { z } from 'zod';

/** The comparison of two snapshots, from the address; anything unusable falls back to the default. */
export const snapshotCompareSchema = z.object({
	from: z.uuid().optional().catch(undefined),
	to: z.uuid().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
	changed: z
		.literal('1')
		.optional()
		.catch(undefined)
		.transform((value) => value === '1')
});

export const publishAnnualReportSchema = z.object({
	year: z.coerce.number({ message: 'validation_choose' }).int({ message: 'validation_choose' }).min(2000, { message: 'validation_choose' }).max(2100, { message: 'validation_choose' })
});
export type PublishAnnualReportInput = z.infer<typeof publishAnnualReportSchema>;
