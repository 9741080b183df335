import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getMunicipalityBySlug } from './tenancy.service';
import { getContactCard, telUri } from './contact-card';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				contact: {
					office: 'Amt für Integration; Team Leitbild, Bürgerbüro',
					street: 'Marktplatz 1',
					postalCode: '12345',
					city: 'A-Stadt',
					phone: '+49 251 492-0',
					fax: '0251 492-7700',
					email: 'integration@a-stadt.example.org',
					web: 'https://a-stadt.example.org/integration',
					openingHours: 'Mo–Do 8–16 Uhr\nFr 8–12 Uhr und nach Vereinbarung für längere Gespräche mit Dolmetschung'
				}
			},
			{ slug: 'b-dorf', name: 'B-Dorf', contact: { office: 'Rathaus B' } }
		]
	});
});
afterAll(() => test.drop());

async function contactOf(slug: string) {
	const municipality = await getMunicipalityBySlug({ db: test.db, slug });
	return { municipalityId: municipality.id, contactId: municipality.contactPoint!.id };
}

describe('the vCard of a contact point', () => {
	it('parses as vCard 4.0 with the name, both numbers as tel: URIs, the e-mail and the opening hours', async () => {
		const { municipalityId, contactId } = await contactOf('a-stadt');
		const { card } = await getContactCard({ db: test.db, municipalityId, contactId });
		expect(card.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
		const vcard = new ICAL.Component(ICAL.parse(card));
		expect(vcard.name).toBe('vcard');
		expect(vcard.getFirstPropertyValue('version')).toBe('4.0');
		expect(vcard.getFirstPropertyValue('uid')).toBe(`urn:uuid:${contactId}`);
		expect(vcard.getFirstPropertyValue('fn')).toBe('Amt für Integration; Team Leitbild, Bürgerbüro');
		const tels = vcard.getAllProperties('tel').map((tel) => [tel.getParameter('type'), tel.getFirstValue()]);
		expect(tels).toEqual([
			[['work', 'voice'], 'tel:+492514920'],
			[['work', 'fax'], 'tel:02514927700']
		]);
		expect(vcard.getFirstPropertyValue('email')).toBe('integration@a-stadt.example.org');
		expect(vcard.getFirstPropertyValue('adr')).toEqual(['', '', 'Marktplatz 1', 'A-Stadt', '', '12345', '']);
		expect(vcard.getFirstPropertyValue('note')).toContain('Fr 8–12 Uhr');
	});

	it('is not handed out for a contact point of another municipality', async () => {
		const { contactId } = await contactOf('a-stadt');
		const { municipalityId } = await contactOf('b-dorf');
		await expect(getContactCard({ db: test.db, municipalityId, contactId })).rejects.toMatchObject({ code: 'error_not_found' });
	});

	it('writes numbers in any common spelling as a tel: URI', () => {
		expect(telUri('0049 (251) 492-0')).toBe('tel:+492514920');
		expect(telUri(' +49 251 4920 ')).toBe('tel:+492514920');
	});
});
