import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate } from '$lib/server/shared/translate';
import { fieldErrorsOf, type FieldErrors } from './respond';

type Failure = ActionFailure<{ values: Record<string, unknown>; errors: FieldErrors }>;

/** Reads a submitted form and validates it; invalid input comes back as a 400 with every field's error. */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.output<S>; values: Record<string, unknown> } | { ok: false; failure: Failure }> {
	let formData: FormData;
	try {
		formData = await request.formData();
	} catch {
		return { ok: false, failure: fail(400, { values: {}, errors: { form: 'validation_invalid' } }) };
	}
	const raw: Record<string, unknown> = {};
	for (const key of new Set(formData.keys())) {
		const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
		raw[key] = all.length > 1 ? all : all[0];
	}
	// Submitted values go back to the form on failure, except passwords.
	const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('password')));
	const unprintable = unprintableFieldErrors(raw);
	if (unprintable) return { ok: false, failure: fail(400, { values, errors: unprintable }) };
	const parsed = schema.safeParse(unflatten(raw));
	if (!parsed.success) return { ok: false, failure: fail(400, { values, errors: fieldErrorsOf(parsed.error.issues) }) };
	return { ok: true, data: parsed.data, values };
}

// NUL and the other C0 controls but tab and line breaks: PostgreSQL refuses NUL in text outright, and
// none of them can be typed into a form by a person. (Halves of UTF-16 pairs cannot arrive: broken
// UTF-8 in a body is decoded to U+FFFD.)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const unprintableCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A field error for every submitted text holding a character no one can type; null when there is none. */
export function unprintableFieldErrors(raw: Record<string, unknown>): FieldErrors | null {
	const errors: FieldErrors = {};
	for (const [key, value] of Object.entries(raw)) {
		const texts = Array.isArray(value) ? value : [value];
		if (texts.some((text) => typeof text === 'string' && unprintableCharacter.test(text))) errors[key] = translate('validation_unprintable');
	}
	return Object.keys(errors).length > 0 ? errors : null;
}

/** Inputs named "contact.email" become { contact: { email } }, matching the nested zod schema. */
function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
	const nested: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(flat)) {
		const parts = key.split('.');
		let target = nested;
		for (const part of parts.slice(0, -1)) {
			if (part === '__proto__' || part === 'constructor' || part === 'prototype') return nested;
			target[part] ??= {};
			target = target[part] as Record<string, unknown>;
		}
		const last = parts.at(-1)!;
		if (last === '__proto__' || last === 'constructor' || last === 'prototype') continue;
		target[last] = value;
	}
	return nested;
}
