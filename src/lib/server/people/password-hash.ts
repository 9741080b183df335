// better-auth's password hash (scrypt), loaded when a password is first hashed or checked rather than at every
// start: the server answers its first request sooner.
import { onFirstUse } from '../shared/first-use';

const loadCrypto = onFirstUse(() => import('better-auth/crypto'));

export async function hashPassword(password: string): Promise<string> {
	return (await loadCrypto()).hashPassword(password);
}

export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
	return (await loadCrypto()).verifyPassword(input);
}
