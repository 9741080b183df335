import { expect, it } from 'vitest';
import { hasSessionCookie, isCacheablePublicPath, isSessionPath } from './anonymous';

it('caches public reading pages in both languages but never the back office, sign-in or health check', () => {
	for (const path of ['/', '/en', '/muenster', '/en/muenster/strategies/s/editions/4']) expect(isCacheablePublicPath(path), path).toBe(true);
	for (const path of ['/admin', '/admin/muenster', '/en/admin/muenster/audit', '/sign-in', '/en/sign-in', '/healthz', '/account', '/api/v1/x', '/verify', '/invitations/secret-token', '/en/invitations/secret-token', '/muenster/events/e1/registration/secret-token'])
		expect(isCacheablePublicPath(path), path).toBe(false);
	// A municipality whose slug merely starts like a fixed address is still public.
	expect(isCacheablePublicPath('/administration-stadt')).toBe(true);
});

it('recognises a session only by its own cookie', () => {
	expect(hasSessionCookie(null)).toBe(false);
	expect(hasSessionCookie('theme=dark; leitbild.session_token=abc')).toBe(true);
	expect(hasSessionCookie('other.session_token=abc')).toBe(false);
});

it('treats only signing in and out as session paths', () => {
	expect(isSessionPath('/sign-in')).toBe(true);
	expect(isSessionPath('/en/sign-out')).toBe(true);
	expect(isSessionPath('/admin/muenster')).toBe(false);
	expect(isSessionPath('/sign-inside')).toBe(false);
});
