// A contact point as a vCard 4.0 (RFC 6350) for address books. Written here rather than with a library:
// the maintained npm builders write vCard 3.0, and the few properties an office needs fit in a page.
import type { Executor } from '../db/client';
import { notFound } from '../shared/errors';
import { selectContactPoint, type ContactPoint } from './tenancy.queries';

type Card = Pick<ContactPoint, 'id' | 'office' | 'street' | 'postalCode' | 'city' | 'phone' | 'fax' | 'email' | 'web' | 'openingHours' | 'updatedAt'>;

export const VCARD_CONTENT_TYPE = 'text/vcard; charset=utf-8';

/** Text values escape backslash, comma and line breaks (RFC 6350 §3.4). */
const escapeText = (value: string) => value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** A component of a structured value (ADR, ORG) escapes its semicolons too, which separate the components. */
const escapeComponent = (value: string) => escapeText(value).replace(/;/g, '\\;');

/** A tel: URI (RFC 3966) from a number as people write it: "+49 251 492-0", "0251 4920", "0049 …". */
export function telUri(number: string): string {
	const trimmed = number.trim();
	const digits = trimmed.replace(/[^0-9]/g, '');
	if (trimmed.startsWith('+')) return `tel:+${digits}`;
	if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
	return `tel:${digits}`;
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
function fold(line: string): string {
	const encoder = new TextEncoder();
	let out = '';
	let width = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (width + size > 75) {
			out += '\r\n ';
			width = 1;
		}
		out += char;
		width += size;
	}
	return out;
}

const timestamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function buildContactCard(contact: Card): string {
	const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', `UID:urn:uuid:${contact.id}`, `FN:${escapeText(contact.office)}`, `ORG:${escapeComponent(contact.office)}`];
	if (contact.street || contact.postalCode || contact.city) {
		// ADR: post office box; extended address; street; locality; region; postal code; country.
		lines.push(`ADR;TYPE=work:;;${escapeComponent(contact.street)};${escapeComponent(contact.city)};;${escapeComponent(contact.postalCode)};`);
	}
	if (contact.phone) lines.push(`TEL;VALUE=uri;TYPE="work,voice":${telUri(contact.phone)}`);
	if (contact.fax) lines.push(`TEL;VALUE=uri;TYPE="work,fax":${telUri(contact.fax)}`);
	if (contact.email) lines.push(`EMAIL;TYPE=work:${contact.email}`);
	if (contact.web) lines.push(`URL:${contact.web}`);
	if (contact.openingHours) lines.push(`NOTE:${escapeText(contact.openingHours)}`);
	lines.push(`REV:${timestamp(contact.updatedAt)}`, 'END:VCARD');
	return lines.map(fold).join('\r\n') + '\r\n';
}

/** Contact points are the public face of an office; any of the municipality's may be downloaded. */
export async function getContactCard({ db, municipalityId, contactId }: { db: Executor; municipalityId: string; contactId: string }) {
	const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(contactId);
	const contact = valid ? await selectContactPoint(db, municipalityId, contactId) : undefined;
	if (!contact) throw notFound();
	return { card: buildContactCard(contact), office: contact.office };
}
