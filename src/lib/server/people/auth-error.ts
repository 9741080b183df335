// better-auth is loaded on first use (runtime.ts), so its error class cannot be imported where its errors are
// caught without loading it at start. Its own isAPIError accepts the same: an error named "APIError".
export type AuthApiError = Error & { status: string | number; body?: { code?: string; message?: string } };

export function isAuthApiError(error: unknown): error is AuthApiError {
	return error instanceof Error && error.name === 'APIError';
}
