/**
 * The plain-text part of a stored message, decoded: the outbox page shows mails as text only, so a
 * mail's HTML is never rendered in the back office.
 */
export function plainTextOf(raw: string): string {
	const normalised = raw.replace(/\r\n/g, '\n');
	return findTextPart(normalised) ?? '';
}

function splitHead(entity: string): { head: string; body: string } {
	const at = entity.indexOf('\n\n');
	return at === -1 ? { head: entity, body: '' } : { head: entity.slice(0, at), body: entity.slice(at + 2) };
}

function headerValue(head: string, name: string): string {
	const match = head.match(new RegExp(`^${name}:\\s*(.*(?:\\n[ \\t].*)*)`, 'mi'));
	return match ? match[1].replace(/\n[ \t]+/g, ' ').trim() : '';
}

function findTextPart(entity: string, depth = 0): string | undefined {
	const { head, body } = splitHead(entity);
	const type = headerValue(head, 'Content-Type').toLowerCase() || 'text/plain';
	if (type.startsWith('multipart/') && depth < 5) {
		const boundary = /boundary="?([^";]+)"?/i.exec(headerValue(head, 'Content-Type'))?.[1];
		if (!boundary) return undefined;
		const parts = body.split(`--${boundary}`).slice(1);
		for (const part of parts) {
			if (part.startsWith('--')) break;
			const text = findTextPart(part.replace(/^\n/, ''), depth + 1);
			if (text !== undefined) return text;
		}
		return undefined;
	}
	if (!type.startsWith('text/plain')) return undefined;
	return decodeBody(body, headerValue(head, 'Content-Transfer-Encoding').toLowerCase());
}

function decodeBody(body: string, encoding: string): string {
	if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (encoding === 'quoted-printable') {
		const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}
