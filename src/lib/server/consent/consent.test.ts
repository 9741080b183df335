import { describe, expect, it } from 'vitest';
import { eventSchema } from '$lib/validation/events';
import { consentCookieOptions, hasConsentCookie, parseConsentCookie, safeReturnPath, serialiseConsentCookie, withConsent } from './consent.cookie';
import { consentProvider, consentProviders, isConsentProviderId, openStreetMapEmbedUrl, openStreetMapRouteUrl } from './consent.providers';
import { hasPersonalCookie } from '../http/anonymous';

describe('consent providers', () => {
	it('every provider names its company, what it receives, its privacy policy and the frame origins it needs', () => {
		for (const provider of consentProviders) {
			expect(provider.company).not.toBe('');
			expect(provider.transmits).toContain('ip_address');
			expect(provider.privacyPolicyUrl).toMatch(/^https:\/\//);
			for (const origin of provider.frameOrigins) expect(new URL(origin).origin).toBe(origin);
		}
		expect(new Set(consentProviders.map((p) => p.id)).size).toBe(consentProviders.length);
	});

	it('knows OpenStreetMap and nothing it was not told about', () => {
		expect(isConsentProviderId('openstreetmap')).toBe(true);
		expect(isConsentProviderId('youtube')).toBe(false);
		expect(isConsentProviderId(undefined)).toBe(false);
		expect(consentProvider('openstreetmap').frameOrigins).toEqual(['https://www.openstreetmap.org']);
	});

	it('the map embed comes from the origin the CSP allows and marks the place', () => {
		const url = new URL(openStreetMapEmbedUrl(51.96194, 7.62828));
		expect(consentProvider('openstreetmap').frameOrigins).toContain(url.origin);
		expect(url.searchParams.get('marker')).toBe('51.96194,7.62828');
		const [west, south, east, north] = url.searchParams.get('bbox')!.split(',').map(Number);
		expect(west).toBeLessThan(7.62828);
		expect(east).toBeGreaterThan(7.62828);
		expect(south).toBeLessThan(51.96194);
		expect(north).toBeGreaterThan(51.96194);
	});

	it('plans a route to coordinates, or searches the address when there are none', () => {
		expect(openStreetMapRouteUrl({ latitude: 51.9, longitude: 7.6, address: '' })).toContain('to=51.90000%2C7.60000');
		expect(openStreetMapRouteUrl({ latitude: null, longitude: null, address: 'Prinzipalmarkt 10, Münster' })).toBe(
			'https://www.openstreetmap.org/search?query=Prinzipalmarkt%2010%2C%20M%C3%BCnster'
		);
	});
});

describe('the consent cookie', () => {
	it('round-trips the allowed providers', () => {
		expect(parseConsentCookie(serialiseConsentCookie(['openstreetmap']))).toEqual(['openstreetmap']);
		expect(serialiseConsentCookie([])).toBe('');
	});

	it('drops unknown and repeated names, so a tampered cookie can only mean fewer permissions', () => {
		expect(parseConsentCookie('openstreetmap.evil.openstreetmap')).toEqual(['openstreetmap']);
		expect(parseConsentCookie('youtube')).toEqual([]);
		expect(parseConsentCookie('')).toEqual([]);
		expect(parseConsentCookie(undefined)).toEqual([]);
	});

	it('granting twice keeps one entry, revoking removes it', () => {
		const granted = withConsent(withConsent([], 'openstreetmap', true), 'openstreetmap', true);
		expect(granted).toEqual(['openstreetmap']);
		expect(withConsent(granted, 'openstreetmap', false)).toEqual([]);
	});

	it('is first-party, SameSite=Lax and lasts one year', () => {
		expect(consentCookieOptions(true)).toEqual({ path: '/', sameSite: 'lax', httpOnly: true, secure: true, maxAge: 31_536_000 });
	});

	it('a visitor with a consent choice never gets the page cached for everyone', () => {
		expect(hasConsentCookie('leitbild_consent=openstreetmap')).toBe(true);
		expect(hasConsentCookie('leitbild_consent_once=openstreetmap')).toBe(true);
		expect(hasConsentCookie('other=1')).toBe(false);
		expect(hasPersonalCookie('a=1; leitbild_consent=openstreetmap')).toBe(true);
		expect(hasPersonalCookie(null)).toBe(false);
	});

	it('returns only to paths on this site', () => {
		expect(safeReturnPath('/muenster/events/1#venue-map')).toBe('/muenster/events/1#venue-map');
		expect(safeReturnPath('https://evil.example.org/')).toBe('/');
		expect(safeReturnPath('//evil.example.org/')).toBe('/');
		expect(safeReturnPath('/\\evil.example.org')).toBe('/');
		expect(safeReturnPath('/a\r\nSet-Cookie: x=1')).toBe('/');
		expect(safeReturnPath(null)).toBe('/');
	});
});

describe('venue coordinates', () => {
	const base = { type: 'workshop', title: 'Werkstatt', startsAt: '2027-01-14T18:00', endsAt: '2027-01-14T20:00' };
	const messages = (input: Record<string, string>) => eventSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

	it('are optional, and a decimal comma is read like a point', () => {
		expect(eventSchema.parse(base)).toMatchObject({ latitude: null, longitude: null });
		expect(eventSchema.parse({ ...base, latitude: '51,9619', longitude: ' 7.6283 ' })).toMatchObject({ latitude: 51.9619, longitude: 7.6283 });
	});

	it('are refused outside the globe, as text, or one without the other', () => {
		expect(messages({ latitude: '91', longitude: '7' })).toEqual(['latitude:validation_consent_coordinate_range']);
		expect(messages({ latitude: '51', longitude: '-181' })).toEqual(['longitude:validation_consent_coordinate_range']);
		expect(messages({ latitude: 'Rathaus', longitude: '7' })).toEqual(['latitude:validation_consent_coordinate']);
		expect(messages({ latitude: '51.9', longitude: '' })).toEqual(['longitude:validation_consent_coordinates_both']);
	});
});
