// Apart from people/auth.ts, so that telling an anonymous request from a signed-in one does not load better-auth.
export const SESSION_COOKIE_PREFIX = 'leitbild';
