import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Mail, Mailer } from '../mail/mail.service';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { isDomainError } from '../shared/errors';
import { accessibilityFeedbackSchema, legalPageSchema } from '$lib/validation/legal';
import { getLegalAdmin, getLegalPage, saveLegalPage, submitAccessibilityFeedback } from './legal.service';
import { accessibilityFeedback, legalPages } from './legal.schema';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', contact: { office: 'Rathaus A', email: 'kontakt@a-stadt.example.org' } },
			{ slug: 'b-dorf', name: 'B-Dorf', contact: { office: 'Rathaus B' } }
		],
		accounts: [
			{ email: 'admin-a@example.org', name: 'Admin A', password: 'passwort-admin-a', roles: [{ municipality: 'a-stadt', role: 'admin' }] },
			{ email: 'admin-b@example.org', name: 'Admin B', password: 'passwort-admin-b', roles: [{ municipality: 'b-dorf', role: 'admin' }] },
			{ email: 'teilnahme@example.org', name: 'Teilnehmerin', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
		]
	});
});
afterAll(() => test.drop());

const municipalityId = (slug: string) => test.ids.municipalityIds.get(slug)!;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const recordingMailer = () => {
	const sent: Mail[] = [];
	const mailer: Mailer = { send: async (mail) => void sent.push(mail) };
	return { sent, mailer };
};

const codeOf = async (work: Promise<unknown>) => {
	try {
		await work;
	} catch (caught) {
		if (isDomainError(caught)) return caught.code;
		throw caught;
	}
	return 'no error';
};

describe('legal pages', () => {
	it('an admin of the municipality writes its imprint; the change is audited and dated', async () => {
		const admin = await actorOf('admin-a@example.org');
		const input = legalPageSchema.parse({ kind: 'imprint', body: '## Anbieterin\n\nStadt A' });
		const page = await saveLegalPage({ db: test.db, actor: admin, municipalityId: municipalityId('a-stadt'), input });
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, page.id));
		expect(audit.map((a) => a.entityType)).toEqual(['legal_page']);
		const shown = await getLegalPage({ db: test.db, municipalityId: municipalityId('a-stadt'), kind: 'imprint' });
		expect(shown.html).toContain('<h2>Anbieterin</h2>');
		expect(shown.updatedAt).toBeInstanceOf(Date);
	});

	it('a participant and an admin of another municipality may neither write nor read the back office', async () => {
		const input = legalPageSchema.parse({ kind: 'privacy', body: 'übernommen' });
		for (const email of ['teilnahme@example.org', 'admin-b@example.org']) {
			const actor = await actorOf(email);
			expect(await codeOf(saveLegalPage({ db: test.db, actor, municipalityId: municipalityId('a-stadt'), input }))).toBe('error_forbidden');
			expect(await codeOf(getLegalAdmin({ db: test.db, actor, municipalityId: municipalityId('a-stadt') }))).toBe('error_forbidden');
		}
		expect(await codeOf(saveLegalPage({ db: test.db, actor: null, municipalityId: municipalityId('a-stadt'), input }))).not.toBe('no error');
		const rows = await test.db.select().from(legalPages).where(eq(legalPages.kind, 'privacy'));
		expect(rows).toEqual([]);
	});

	it('scripts, frames and javascript: links in the markdown never reach the page', async () => {
		const admin = await actorOf('admin-a@example.org');
		const body = 'Text <script>alert(1)</script> <iframe src="https://evil.example.org"></iframe> [Klick](javascript:alert(1)) <img src=x onerror=alert(1)>';
		await saveLegalPage({ db: test.db, actor: admin, municipalityId: municipalityId('a-stadt'), input: legalPageSchema.parse({ kind: 'accessibility', body }) });
		const { html } = await getLegalPage({ db: test.db, municipalityId: municipalityId('a-stadt'), kind: 'accessibility' });
		expect(html).not.toMatch(/<script|<iframe|javascript:|onerror/i);
	});

	it('a page not written yet is shown empty rather than as an error', async () => {
		expect(await getLegalPage({ db: test.db, municipalityId: municipalityId('b-dorf'), kind: 'imprint' })).toEqual({ kind: 'imprint', html: '', updatedAt: null });
	});
});

describe('accessibility feedback', () => {
	it('is stored for the municipality and mailed to its contact point', async () => {
		const { sent, mailer } = recordingMailer();
		const input = accessibilityFeedbackSchema.parse({ message: 'Der Kalender lässt sich nicht mit der Tastatur bedienen.', page: '/a-stadt/events', email: 'leserin@example.org' });
		await submitAccessibilityFeedback({ db: test.db, mailer, origin: 'https://leitbild.example.org', municipalityId: municipalityId('a-stadt'), input });
		expect(sent).toHaveLength(1);
		expect(sent[0].to).toBe('kontakt@a-stadt.example.org');
		expect(sent[0].text).toContain('https://leitbild.example.org/a-stadt/events');
		expect(sent[0].text).toContain('leserin@example.org');
		expect(sent[0].subject).toBe('Barriere gemeldet: A-Stadt');
		expect(sent[0].text).toContain('E-Mail: leserin@example.org');
		const admin = await actorOf('admin-a@example.org');
		const listed = await getLegalAdmin({ db: test.db, actor: admin, municipalityId: municipalityId('a-stadt') });
		expect(listed.feedback.map((f) => f.message)).toContain('Der Kalender lässt sich nicht mit der Tastatur bedienen.');
	});

	it('a municipality without a contact e-mail still keeps the message for its back office', async () => {
		const { sent, mailer } = recordingMailer();
		const input = accessibilityFeedbackSchema.parse({ message: 'Kontrast zu schwach.' });
		await submitAccessibilityFeedback({ db: test.db, mailer, origin: 'https://x.example.org', municipalityId: municipalityId('b-dorf'), input });
		expect(sent).toEqual([]);
		const rows = await test.db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.municipalityId, municipalityId('b-dorf')));
		expect(rows.map((r) => r.message)).toEqual(['Kontrast zu schwach.']);
	});

	it('a filled honeypot is answered like success and stores and sends nothing', async () => {
		const { sent, mailer } = recordingMailer();
		const before = await test.db.select().from(accessibilityFeedback);
		const input = accessibilityFeedbackSchema.parse({ message: 'Billige Uhren', website: 'https://spam.example.org' });
		expect(await submitAccessibilityFeedback({ db: test.db, mailer, origin: 'https://x.example.org', municipalityId: municipalityId('a-stadt'), input })).toBeNull();
		expect(sent).toEqual([]);
		expect(await test.db.select().from(accessibilityFeedback)).toHaveLength(before.length);
	});

	it('bad input is refused before anything is written: no message, a broken address, a foreign page', () => {
		const issues = (input: Record<string, string>) => accessibilityFeedbackSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
		expect(issues({ message: '   ' })).toEqual(['message:validation_required']);
		expect(issues({ message: 'x', email: 'keine-adresse' })).toEqual(['email:validation_email']);
		expect(accessibilityFeedbackSchema.parse({ message: 'x', page: 'https://evil.example.org/' }).page).toBe('');
		expect(accessibilityFeedbackSchema.parse({ message: 'x', page: '//evil.example.org/' }).page).toBe('');
	});
});
