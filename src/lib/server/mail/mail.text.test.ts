import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { createMailer, listOutbox, readOutboxMessage } from './mail.service';
import { plainTextOf } from './mail.text';

it('the outbox shows the decoded plain-text part of a mail and never its HTML', async () => {
	const outboxDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-mail-text-'));
	onTestFinished(() => rmSync(outboxDir, { recursive: true, force: true }));
	const mailer = createMailer({ outboxDir, from: 'Leitbild <noreply@example.org>' });
	const text = `Grüße aus Münster – ${'ein langer Satz, der umbrochen wird. '.repeat(4)}\nhttps://leitbild.example.org/verify?token=abc_DEF-123`;
	await mailer.send({ to: 'x@example.org', subject: 'Prüfung', text, html: '<p>HTML</p><script>alert(1)</script>' });
	const [entry] = await listOutbox(outboxDir);
	const shown = plainTextOf((await readOutboxMessage(outboxDir, entry.file))!);
	expect(shown.trim()).toBe(text);
	expect(shown).not.toContain('<script>');
});
