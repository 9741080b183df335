// Legal pages own each municipality's imprint, privacy notice and accessibility statement, and the
// accessibility feedback sent from the statement's form to the municipality's contact point.
import * as m from '$lib/paraglide/messages';
import { baseLocale } from '$lib/paraglide/runtime';
import type { Executor, Database } from '../db/client';
import { recordChange } from '../audit/audit.service';
import type { Mailer } from '../mail/mail.service';
import { requireMunicipalityAdmin, type Actor } from '../people/actor';
import { renderMarkdown } from '../participation/event.markdown';
import type { AccessibilityFeedbackInput, LegalPageInput } from '$lib/validation/legal';
import { insertAccessibilityFeedback, selectAccessibilityFeedback, selectLegalPage, selectLegalPages, upsertLegalPage } from './legal.queries';
import { legalPageKinds, type LegalPageKind } from './legal.schema';
import { selectContactPoint, selectMunicipalityById } from './tenancy.queries';

export type { AccessibilityFeedback } from './legal.queries';
export { legalPageKinds, type LegalPageKind };

/** A page nobody has written yet is shown with a note instead of an error: the address must always work. */
export async function getLegalPage({ db, municipalityId, kind }: { db: Executor; municipalityId: string; kind: LegalPageKind }) {
	const row = await selectLegalPage(db, municipalityId, kind);
	return { kind, html: row ? renderMarkdown(row.body) : '', updatedAt: row?.updatedAt ?? null };
}

const FEEDBACK_PAGE = 25;

export async function getLegalAdmin({ db, actor, municipalityId, before }: { db: Executor; actor: Actor | null; municipalityId: string; before?: { createdAt: Date; id: string } }) {
	requireMunicipalityAdmin(actor, municipalityId);
	const [pages, feedback] = await Promise.all([selectLegalPages(db, municipalityId), selectAccessibilityFeedback(db, municipalityId, FEEDBACK_PAGE + 1, before)]);
	const bodyOf = new Map(pages.map((page) => [page.kind, page]));
	const shown = feedback.slice(0, FEEDBACK_PAGE);
	return {
		pages: legalPageKinds.map((kind) => ({ kind, body: bodyOf.get(kind)?.body ?? '', updatedAt: bodyOf.get(kind)?.updatedAt ?? null })),
		feedback: shown,
		nextCursor: feedback.length > FEEDBACK_PAGE ? { createdAt: shown.at(-1)!.createdAt, id: shown.at(-1)!.id } : null
	};
}

export async function saveLegalPage({ db, actor, municipalityId, input }: { db: Database; actor: Actor | null; municipalityId: string; input: LegalPageInput }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	return db.transaction(async (tx) => {
		const before = await selectLegalPage(tx, municipalityId, input.kind);
		const after = await upsertLegalPage(tx, municipalityId, input.kind, input.body);
		await recordChange(tx, { actor: admin, municipalityId, action: before ? 'update' : 'create', entityType: 'legal_page', entityId: after.id, before, after });
		return after;
	});
}

type FeedbackScope = { db: Database; mailer: Mailer; origin: string; municipalityId: string; input: AccessibilityFeedbackInput };

/**
 * Stored first, then mailed to the contact point, so a mail server that is down loses nothing: the
 * back office lists every message. A filled honeypot is answered like success and stores nothing.
 */
export async function submitAccessibilityFeedback({ db, mailer, origin, municipalityId, input }: FeedbackScope) {
	if (input.website !== '') return null;
	const feedback = await db.transaction((tx) =>
		insertAccessibilityFeedback(tx, { municipalityId, name: input.name, email: input.email, message: input.message, pagePath: input.page })
	);
	const municipality = await selectMunicipalityById(db, municipalityId);
	const contact = municipality?.contactPointId ? await selectContactPoint(db, municipalityId, municipality.contactPointId) : undefined;
	if (municipality && contact?.email) {
		// The office reads it: in the installation's first language, not the sender's.
		const locale = baseLocale;
		const notGiven = m.legal_feedback_mail_not_given({}, { locale });
		const lines = [
			m.legal_feedback_mail_intro({ municipality: municipality.name }, { locale }),
			'',
			m.legal_feedback_mail_page({ page: input.page ? origin + input.page : notGiven }, { locale }),
			m.legal_feedback_mail_name({ name: input.name || notGiven }, { locale }),
			m.legal_feedback_mail_email({ email: input.email || notGiven }, { locale }),
			'',
			input.message,
			'',
			m.legal_feedback_mail_all({ link: `${origin}/admin/${municipality.slug}/legal` }, { locale })
		];
		const text = lines.join('\n');
		await mailer.send({ to: contact.email, subject: m.legal_feedback_mail_subject({ municipality: municipality.name }, { locale }), text, html: `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(text)}</pre>` });
	}
	return feedback;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
