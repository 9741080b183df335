import { z } from 'zod';
import { translatableFields, translationLocales, type TranslatableKind } from '$lib/server/content/content.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' }).default('');

/** Longer fields may hold a whole article; titles stay titles. */
const limits: Record<string, number> = { title: 300, lead: 2_000, summary: 10_000, description: 50_000, body: 100_000 };

/** Form field name of one field in one language, e.g. title_en. */
export const translationFieldName = (field: string, locale: string) => `${field}_${locale}`;

/** One form carries every language of one piece of content; an empty field removes that translation. */
export function translationFormSchema(kind: TranslatableKind) {
	const shape: Record<string, z.ZodDefault<z.ZodString>> = {};
	for (const field of translatableFields[kind]) {
		for (const locale of translationLocales) shape[translationFieldName(field, locale)] = text(limits[field] ?? 10_000);
	}
	return z.object(shape);
}
export type TranslationFormInput = Record<string, string>;

export const easyReadSchema = z.object({
	summary: text(20_000),
	invitation: text(20_000)
});
export type EasyReadInput = z.infer<typeof easyReadSchema>;
