import { isDomainError } from './errors';

/** The code of the domain error a call ends with, or undefined when it succeeds; other errors are thrown on. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
	try {
		await promise;
	} catch (error) {
		if (isDomainError(error)) return error.code;
		throw error;
	}
}
