import { describe, expect, it } from 'vitest';
import { backOfficeSectionOf, canEnterBackOffice, mayWorkInBackOffice, type Actor } from './actor';

const staff = (role: Actor['memberships'][number]['role']): Actor => ({
	userId: 'u1',
	name: 'Person',
	email: 'person@example.org',
	isPlatformAdmin: false,
	memberships: [{ municipalityId: 'm1', municipalitySlug: 'muenster', municipalityName: 'Münster', role }]
});
const mayOpen = (actor: Actor, slug: string, routeId: string) => mayWorkInBackOffice(actor, slug, backOfficeSectionOf(routeId));

describe('back-office sections by role', () => {
	it('a facilitator works on organisations, events, working groups and moderation of their municipality', () => {
		const facilitator = staff('facilitator');
		expect(canEnterBackOffice(facilitator)).toBe(true);
		for (const route of [
			'/admin/[municipality]/events',
			'/admin/[municipality]/events/[id]',
			'/admin/[municipality]/working-groups',
			'/admin/[municipality]/organisations/import',
			'/admin/[municipality]/moderation',
			'/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/document',
			'/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/document/fields/[field=uuid]'
		])
			expect(mayOpen(facilitator, 'muenster', route), route).toBe(true);
	});

	it('staff who are not admins stay out of the admin-only sections and other municipalities', () => {
		const facilitator = staff('facilitator');
		for (const route of [
			'/admin/[municipality]',
			'/admin/[municipality]/strategies',
			'/admin/[municipality]/strategies/[strategy]/editions/[number=integer]',
			'/admin/[municipality]/people', '/admin/[municipality]/events-archive', '/admin/[municipality]/audit'])
			expect(mayOpen(facilitator, 'muenster', route), route).toBe(false);
		expect(mayOpen(facilitator, 'greven', '/admin/[municipality]/events')).toBe(false);
		expect(mayOpen(staff('moderator'), 'muenster', '/admin/[municipality]/moderation')).toBe(true);
		expect(mayOpen(staff('moderator'), 'muenster', '/admin/[municipality]/events')).toBe(false);
		expect(mayOpen(staff('moderator'), 'muenster', '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/document/fields/[field=uuid]')).toBe(false);
	});

	it("facilitators invite organisations to an edition without gaining the rest of the strategies section", () => {
		const invitations = '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/invitations';
		expect(mayOpen(staff('facilitator'), 'muenster', invitations)).toBe(true);
		expect(mayOpen(staff('facilitator'), 'muenster', '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]')).toBe(false);
		expect(mayOpen(staff('facilitator'), 'greven', invitations)).toBe(false);
		expect(mayOpen(staff('moderator'), 'muenster', invitations)).toBe(false);
	});

	it('an admin opens every section; a participant does not enter the back office at all', () => {
		expect(mayOpen(staff('admin'), 'muenster', '/admin/[municipality]/audit')).toBe(true);
		const participant = staff('participant');
		expect(canEnterBackOffice(participant)).toBe(false);
		expect(mayOpen(participant, 'muenster', '/admin/[municipality]/events')).toBe(false);
	});
});
