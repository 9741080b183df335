import { z } from 'zod';

/** German keyboards write a decimal comma; "12,5" and "12.5" are both 12.5. An empty field sets no target. */
const optionalDecimal = z
	.string({ message: 'validation_decimal' })
	.trim()
	.refine((value) => value === '' || /^-?\d{1,12}([.,]\d{1,6})?$/.test(value), { message: 'validation_decimal' })
	.transform((value) => (value === '' ? null : Number(value.replace(',', '.'))));

/** The interim-target form: one field per year, named targets.<year>; empty years have no interim target. */
export const interimTargetsSchema = z
	.object({
		targets: z.record(z.string().regex(/^\d{4}$/, { message: 'validation_invalid' }), optionalDecimal).default({})
	})
	.transform(({ targets }) =>
		Object.entries(targets)
			.filter((entry): entry is [string, number] => entry[1] !== null)
			.map(([year, value]) => ({ year: Number(year), value }))
			.sort((a, b) => a.year - b.year)
	);
export type InterimTargetsInput = z.output<typeof interimTargetsSchema>;
