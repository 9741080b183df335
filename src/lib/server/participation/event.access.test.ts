import { describe, expect, it } from 'vitest';
import { canEnterBackOffice, mayWorkOnBackOfficeRoute, type Actor } from '../people/actor';

const facilitator: Actor = {
	userId: 'u1',
	name: 'Moderation',
	email: 'moderation@example.org',
	isPlatformAdmin: false,
	memberships: [{ municipalityId: 'm1', municipalitySlug: 'muenster', municipalityName: 'Münster', role: 'facilitator' }]
};
const participant: Actor = { ...facilitator, memberships: [{ ...facilitator.memberships[0], role: 'participant' }] };

describe('facilitators in the back office', () => {
	it('a facilitator works on the events and working groups of their municipality', () => {
		expect(canEnterBackOffice(facilitator)).toBe(true);
		expect(mayWorkOnBackOfficeRoute(facilitator, 'muenster', '/admin/[municipality]/events')).toBe(true);
		expect(mayWorkOnBackOfficeRoute(facilitator, 'muenster', '/admin/[municipality]/events/[id]')).toBe(true);
		expect(mayWorkOnBackOfficeRoute(facilitator, 'muenster', '/admin/[municipality]/working-groups')).toBe(true);
	});

	it('a facilitator stays out of the admin-only sections and other municipalities', () => {
		expect(mayWorkOnBackOfficeRoute(facilitator, 'muenster', '/admin/[municipality]')).toBe(false);
		expect(mayWorkOnBackOfficeRoute(facilitator, 'muenster', '/admin/[municipality]/people')).toBe(false);
		expect(mayWorkOnBackOfficeRoute(facilitator, 'muenster', '/admin/[municipality]/events-archive')).toBe(false);
		expect(mayWorkOnBackOfficeRoute(facilitator, 'greven', '/admin/[municipality]/events')).toBe(false);
	});

	it('a participant does not enter the back office at all', () => {
		expect(canEnterBackOffice(participant)).toBe(false);
		expect(mayWorkOnBackOfficeRoute(participant, 'muenster', '/admin/[municipality]/events')).toBe(false);
	});
});
