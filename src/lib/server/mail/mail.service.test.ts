import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMailer, listOutbox, readOutboxMessage } from './mail.service';

let outboxDir: string;
beforeAll(async () => {
	outboxDir = await mkdtemp(path.join(os.tmpdir(), 'leitbild-outbox-'));
});
afterAll(() => rm(outboxDir, { recursive: true, force: true }));

it('without SMTP a mail lands in the outbox as a complete message, listed newest first', async () => {
	const mailer = createMailer({ outboxDir, from: 'Leitbild <noreply@example.org>' });
	await mailer.send({ to: 'erste@example.org', subject: 'Erste', text: 'eins', html: '<p>eins</p>' });
	await new Promise((resolve) => setTimeout(resolve, 5));
	await mailer.send({
		to: 'zweite@example.org',
		subject: 'Bestätigung für Ihre Anmeldung',
		text: 'Link: https://leitbild.example.org/x',
		html: '<p>Link</p>',
		attachments: [{ filename: 'termin.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' }]
	});
	const entries = await listOutbox(outboxDir);
	expect(entries.map((entry) => entry.to)).toEqual(['zweite@example.org', 'erste@example.org']);
	expect(entries[0].subject).toBe('Bestätigung für Ihre Anmeldung');
	const raw = await readOutboxMessage(outboxDir, entries[0].file);
	expect(raw).toContain('Content-Type: text/calendar');
	expect(raw).toContain('multipart/alternative');
	expect((await readdir(outboxDir)).length).toBe(2);
	expect(await readFile(path.join(outboxDir, entries[1].file), 'utf8')).toContain('From: Leitbild <noreply@example.org>');
});

it('refuses to read anything but an outbox file name', async () => {
	expect(await readOutboxMessage(outboxDir, '../credentials.json')).toBeUndefined();
	expect(await readOutboxMessage(outboxDir, 'missing.eml')).toBeUndefined();
});
