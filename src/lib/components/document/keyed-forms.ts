/**
 * Many forms share a drafting page: each sends a key, and only the form that failed shows what was
 * sent and its errors.
 */
export type KeyedForms = {
	sent: Record<string, string | undefined>;
	errors: Record<string, string | undefined>;
	failedKey: string | undefined;
};

export function keyedForms(form: { values?: unknown; errors?: unknown } | null | undefined): KeyedForms {
	const sent = (form?.values ?? {}) as Record<string, string | undefined>;
	const errors = (form?.errors ?? {}) as Record<string, string | undefined>;
	return { sent, errors, failedKey: form?.errors ? sent.formKey : undefined };
}

/** A form key such as `updateGoal:<id>` as the start of DOM ids. */
export const domIdOf = (formKey: string) => formKey.replace(':', '-');
