import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate } from '$lib/server/shared/translate';
import { isDomainError } from '../shared/errors';

/** Runs a service call for a load function; a domain error becomes the matching HTTP error page. */
export async function loadOrError<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (caught) {
		if (isDomainError(caught)) {
			error(caught.status, { code: caught.code, message: translate(caught.code, caught.params) });
		}
		throw caught;
	}
}

export type FieldErrors = Record<string, string>;

/** zod issues → one localised message per field; the issue's message is our message key. */
export function fieldErrorsOf(issues: z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = issue.path.join('.') || 'form';
		errors[field] ??= translate(issue.message.startsWith('validation_') ? issue.message : 'validation_invalid');
	}
	return errors;
}

/** Runs a service call for a form action; a domain error becomes a 4xx with the form's values kept. */
export async function actOrFail<T>(values: Record<string, unknown>, work: () => Promise<T>) {
	try {
		return await work();
	} catch (caught) {
		if (isDomainError(caught)) {
			if (caught.status === 401 || caught.status === 403 || caught.status === 404) {
				error(caught.status, { code: caught.code, message: translate(caught.code, caught.params) });
			}
			return fail(caught.status, { values, errors: { form: translate(caught.code, caught.params) } as FieldErrors });
		}
		throw caught;
	}
}
