/**
 * Every failure a user can cause is a DomainError with a stable code. The code doubles as the
 * message key, so one mapping (see errorMessage in $lib/i18n) turns it into a localised text.
 */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly status: number,
		readonly params: Record<string, string | number> = {}
	) {
		super(code);
		this.name = 'DomainError';
	}
}

export function defineError(code: string, status: number) {
	return (params?: Record<string, string | number>) => new DomainError(code, status, params);
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const notSignedIn = defineError('error_not_signed_in', 401);
export const forbidden = defineError('error_forbidden', 403);
export const notFound = defineError('error_not_found', 404);
export const conflict = defineError('error_conflict', 409);
