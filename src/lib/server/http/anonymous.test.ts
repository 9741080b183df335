import { expect, it } from 'vitest';
import { changesNoPublicPage, hasSessionCookie, isCacheablePublicPath, isCacheableType } from './anonymous';

it('caches public reading pages in both languages but never the back office, sign-in or health check', () => {
	for (const path of ['/', '/en', '/muenster', '/en/muenster/strategies/s/editions/4']) expect(isCacheablePublicPath(path), path).toBe(true);
	for (const path of ['/admin', '/admin/muenster', '/en/admin/muenster/audit', '/sign-in', '/en/sign-in', '/healthz', '/account', '/api/v1/x', '/verify', '/invitations/secret-token', '/en/invitations/secret-token', '/muenster/events/e1/registration/secret-token', '/password-reset', '/ar/password-reset', '/tr/verify', '/uk/admin/muenster', '/muenster/search', '/en/muenster/search', '/updates/secret-token', '/uk/updates/secret-token'])
		expect(isCacheablePublicPath(path), path).toBe(false);
	// A municipality whose slug merely starts like a fixed address is still public.
	expect(isCacheablePublicPath('/administration-stadt')).toBe(true);
	expect(isCacheablePublicPath('/ar/muenster/news')).toBe(true);
	expect(isCacheablePublicPath('/search')).toBe(true);
});

it('recognises a session only by its own cookie', () => {
	expect(hasSessionCookie(null)).toBe(false);
	expect(hasSessionCookie('theme=dark; leitbild.session_token=abc')).toBe(true);
	expect(hasSessionCookie('other.session_token=abc')).toBe(false);
});

it('knows the account pages whose posts change no public page', () => {
	for (const path of ['/sign-in', '/en/sign-out', '/register', '/tr/verify', '/ar/password-reset']) expect(changesNoPublicPage(path), path).toBe(true);
	for (const path of ['/admin/muenster', '/sign-inside', '/account', '/muenster/events/e1']) expect(changesNoPublicPage(path), path).toBe(false);
	// Subscribing to a strategy's updates, and confirming or ending it, shows on no public page.
	expect(changesNoPublicPage('/updates/secret-token')).toBe(true);
	expect(changesNoPublicPage('/en/muenster/strategies/s/editions/4', '?/subscribe')).toBe(true);
	expect(changesNoPublicPage('/muenster/strategies/s/editions/4/ideas/new', '?/submit')).toBe(false);
});

it('keeps pages and calendar feeds, not news feeds, JSON, files or downloads', () => {
	expect(isCacheableType('text/html; charset=utf-8')).toBe(true);
	expect(isCacheableType('text/calendar; charset=utf-8')).toBe(true);
	for (const type of ['application/atom+xml; charset=utf-8', 'application/json', 'text/csv; charset=utf-8', 'application/pdf', 'image/webp', '']) {
		expect(isCacheableType(type), type).toBe(false);
	}
});
