// Mail owns sending: through SMTP when SMTP_URL is set, otherwise into DATA_DIR/outbox as .eml files
// that /admin/outbox lists, so the demo and the tests can follow the links in them.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { onFirstUse } from '../shared/first-use';

export type MailAttachment = { filename: string; content: string; contentType: string };

export type Mail = {
	to: string;
	subject: string;
	text: string;
	html: string;
	attachments?: MailAttachment[];
	// E.g. List-Unsubscribe on the notices a subscriber can stop with one click.
	headers?: Record<string, string>;
};

export type Mailer = { send: (mail: Mail) => Promise<void> };

export type MailerOptions = { smtpUrl?: string; outboxDir: string; from: string };

// nodemailer is loaded with the first mail, not on every start of the server (85 ms of a cold start here).
const loadNodemailer = () => import('nodemailer').then((module) => module.default);

export function createMailer({ smtpUrl, outboxDir, from }: MailerOptions): Mailer {
	if (smtpUrl) {
		const smtp = onFirstUse(() => loadNodemailer().then((nodemailer) => nodemailer.createTransport(smtpUrl)));
		return { send: async (mail) => void (await (await smtp()).sendMail({ from, ...mail })) };
	}
	// Without SMTP the message is rendered exactly as it would be sent, then kept on disk.
	const stream = onFirstUse(() => loadNodemailer().then((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })));
	return {
		send: async (mail) => {
			const info = await (await stream()).sendMail({ from, ...mail });
			await mkdir(outboxDir, { recursive: true });
			const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
			await writeFile(path.join(outboxDir, name), info.message as Buffer);
		}
	};
}

export type OutboxEntry = { file: string; to: string; subject: string; date: Date };

const header = (raw: string, name: string) => {
	const match = raw.match(new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'mi'));
	return match ? decodeMimeWords(match[1].replace(/\n[ \t]/g, ' ')) : '';
};

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / ?B?), as nodemailer writes non-ASCII subjects. */
function decodeMimeWords(value: string): string {
	return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) => {
		if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
		const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	});
}

/** Newest first; reads only the headers of the newest `limit` files. */
export async function listOutbox(outboxDir: string, limit = 100): Promise<OutboxEntry[]> {
	let files: string[];
	try {
		files = (await readdir(outboxDir)).filter((file) => file.endsWith('.eml'));
	} catch {
		return [];
	}
	files.sort().reverse();
	return Promise.all(
		files.slice(0, limit).map(async (file) => {
			const raw = (await readFile(path.join(outboxDir, file), 'utf8')).split(/\n\n/)[0];
			return { file, to: header(raw, 'To'), subject: header(raw, 'Subject'), date: (await stat(path.join(outboxDir, file))).mtime };
		})
	);
}

/** The raw message, for a file name that came from listOutbox (no path tricks). */
export async function readOutboxMessage(outboxDir: string, file: string): Promise<string | undefined> {
	if (!/^[\w.-]+\.eml$/.test(file)) return undefined;
	try {
		return await readFile(path.join(outboxDir, file), 'utf8');
	} catch {
		return undefined;
	}
}
