import { describe, expect, it } from 'vitest';
import { backOfficeSectionOf, mayWorkInBackOffice, type Actor } from '../people/actor';

const facilitator: Actor = {
	userId: 'u1',
	name: 'Moderation',
	email: 'moderation@example.org',
	isPlatformAdmin: false,
	memberships: [{ municipalityId: 'm1', municipalitySlug: 'a-stadt', municipalityName: 'A-Stadt', role: 'facilitator' }]
};

describe('facilitators keep the monitor of an edition in the back office, and nothing else below the strategies', () => {
	it('the monitor pages of an edition form the monitor section', () => {
		const editionRoute = '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]';
		expect(backOfficeSectionOf(`${editionRoute}/monitor`)).toBe('monitor');
		expect(backOfficeSectionOf(`${editionRoute}/monitor/measures/[measure=uuid]`)).toBe('monitor');
		expect(backOfficeSectionOf('/admin/[municipality]/monitor')).toBe('monitor');
		expect(backOfficeSectionOf(editionRoute)).toBe('strategies');
		expect(backOfficeSectionOf(`${editionRoute}/outline`)).toBe('strategies');
	});

	it('a facilitator may work in the monitor section of their own municipality only', () => {
		expect(mayWorkInBackOffice(facilitator, 'a-stadt', 'monitor')).toBe(true);
		expect(mayWorkInBackOffice(facilitator, 'b-dorf', 'monitor')).toBe(false);
		expect(mayWorkInBackOffice(facilitator, 'a-stadt', 'strategies')).toBe(false);
	});
});
