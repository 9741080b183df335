// better-auth's password hash (scrypt), loaded when a password is first hashed or checked rather than at every
// start: the server answers its first request sooner.
export async function hashPassword(password: string): Promise<string> {
	const crypto = await import('better-auth/crypto');
	return crypto.hashPassword(password);
}

export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
	const crypto = await import('better-auth/crypto');
	return crypto.verifyPassword(input);
}
