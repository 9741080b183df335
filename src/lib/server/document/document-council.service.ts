// The council submission (Beschlussvorlage) of a published version as PDF and DOCX. Versions never
// change, so a generated file is kept on disk and every later download is a file read.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as m from '$lib/paraglide/messages';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { getEditionFigures, listRepresentedOrganisations } from '../participation/figures.service';
import { formatCalendarDate } from '$lib/date-format';
import { editionNotFound, strategyNotFound } from './document.errors';
import { selectEditionHead } from './document.queries';
import { documentVersionNotFound } from './document-version.errors';
import { selectVersion } from './document-version.queries';
import { selectAdoptedVersionNumber, selectLatestVersionHead } from './document-decision.queries';
import { councilRoles } from './document-decision.service';
import { calendarDayIn } from '../calendar-day';
import { writeSubmissionDocx } from './export/docx';
import { writeSubmissionPdf } from './export/pdf';
import type { CouncilSubmission, SubmissionComment } from './export/submission';
import { listCommentsForCouncil, type CouncilComment } from './document-comment.service';

export type ExportFormat = 'pdf' | 'docx';

/** Where generated files are kept, and where the bundled fonts are. */
export type ExportStorage = { cacheDir: string; fontDir: string };

export const contentTypes: Record<ExportFormat, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

type Municipality = { id: string; name: string; timeZone: string };

// The submission is a German document for a German council, whatever language the person downloading reads.
const de = { locale: 'de' } as const;

async function loadSubmission(db: Database, municipality: Municipality, strategySlug: string, number: number, versionNumber: number | null) {
	const head = await selectEditionHead(db, { municipalityId: municipality.id, strategySlug, number });
	if (!head) throw strategyNotFound({ slug: strategySlug });
	if (!head.edition) throw editionNotFound({ number });
	const { strategy, edition } = head;
	// Without a number: the adopted text where there is one, else the latest version.
	const wanted =
		versionNumber ?? (await selectAdoptedVersionNumber(db, municipality.id, edition.id)) ?? (await selectLatestVersionHead(db, municipality.id, edition.id))?.number;
	const version = wanted === undefined ? undefined : await selectVersion(db, municipality.id, edition.id, wanted);
	if (!version) throw documentVersionNotFound({ number: versionNumber ?? 0 });
	const [figures, organisations, commented] = await Promise.all([
		getEditionFigures({ db, municipalityId: municipality.id, editionId: edition.id }),
		listRepresentedOrganisations({ db, municipalityId: municipality.id, editionId: edition.id }),
		listCommentsForCouncil({ db, municipalityId: municipality.id, editionId: edition.id, upToVersion: version.number })
	]);
	const publishedOn = formatCalendarDate('de', calendarDayIn(municipality.timeZone, version.publishedAt), { dateStyle: 'long' });
	const figureRows = [
		{ label: m.figures_people_label({}, de), value: figures.people },
		{ label: m.figures_organisations_label({}, de), value: figures.organisations },
		{ label: m.figures_events_label({}, de), value: figures.eventsHeld },
		{ label: m.figures_ideas_label({}, de), value: figures.ideas },
		{ label: m.figures_comments_label({}, de), value: figures.comments },
		...(figures.offlinePeople > 0 ? [{ label: m.document_council_pdf_offline({}, de), value: figures.offlinePeople }] : [])
	];
	const sectorLabel = (sector: string) => (m as unknown as Record<string, (i: object, o: typeof de) => string>)[`organisations_sector_${sector}`]?.({}, de) ?? sector;
	const submission: CouncilSubmission = {
		municipalityName: municipality.name,
		strategyTitle: strategy.title,
		editionNumber: edition.number,
		periodStart: edition.periodStart,
		periodEnd: edition.periodEnd,
		versionNumber: version.number,
		versionTitle: version.title,
		publishedOn,
		snapshot: version.snapshot,
		organisations: organisations.map((organisation) => ({ name: organisation.name, sector: sectorLabel(organisation.sector) })),
		comments: commented.comments.map(submissionComment),
		labels: {
			kind: m.document_council_pdf_kind({}, de),
			edition: m.edition_name({ number: edition.number }, de),
			period: m.edition_period({ start: edition.periodStart, end: edition.periodEnd }, de),
			version: m.document_council_pdf_version({ number: version.number, title: version.title }, de),
			publishedOn: m.document_council_pdf_published({ date: publishedOn }, de),
			contents: m.document_council_pdf_contents({}, de),
			introduction: m.document_council_pdf_introduction({}, de),
			measures: m.document_council_pdf_measures({}, de),
			appendix: m.document_council_pdf_appendix({}, de),
			figures: m.document_council_pdf_figures({}, de),
			organisations: m.document_council_pdf_organisations({}, de),
			noOrganisations: m.document_council_pdf_no_organisations({}, de),
			figureRows,
			comments: m.document_council_pdf_comments({}, de),
			commentsIntro:
				commented.comments.length === 0
					? m.document_council_pdf_no_comments({ version: version.number }, de)
					: m.document_council_pdf_comments_intro({ count: commented.comments.length + commented.omitted, version: version.number }, de),
			commentsOmitted: commented.omitted > 0 ? m.document_council_pdf_comments_omitted({ count: commented.omitted }, de) : null,
			commentColumns: {
				number: m.document_council_pdf_comment_number({}, de),
				passage: m.document_council_pdf_comment_passage({}, de),
				comment: m.document_council_pdf_comment_text({}, de),
				consideration: m.document_council_pdf_comment_consideration({}, de)
			}
		}
	};
	return { strategy, edition, version, submission };
}

const commentStatusLabels = {
	open: () => m.document_comments_status_open({}, de),
	taken_into_account: () => m.document_comments_status_taken_into_account({}, de),
	not_taken_into_account: () => m.document_comments_status_not_taken_into_account({}, de)
};

/** The passage a comment is about, named as the public comment pages name it, in German, with its version. */
function submissionComment(comment: CouncilComment): SubmissionComment {
	const target = comment.target;
	let passage = '';
	if (target?.kind === 'introduction') passage = m.document_comments_target_introduction({ paragraph: target.paragraph }, de);
	else if (target?.kind === 'section') passage = m.document_comments_target_section({ title: target.title, paragraph: target.paragraph }, de);
	else if (target?.kind === 'field') passage = m.document_comments_target_field({ number: target.number, title: target.title }, de);
	else if (target?.kind === 'goal') passage = m.document_comments_target_goal({ number: target.number, title: target.title }, de);
	else if (target?.kind === 'measure') passage = m.document_comments_target_measure({ number: target.number, title: target.title }, de);
	return {
		passage: m.document_council_pdf_comment_where({ version: comment.versionNumber, passage }, de),
		status: m.document_comments_status_badge({ status: commentStatusLabels[comment.status]() }, de),
		body: comment.body,
		answer: comment.answer ? m.document_council_pdf_comment_answer({ answer: comment.answer }, de) : null
	};
}

/**
 * The file for a version, generated once. The key is the version id (immutable) and a hash of the
 * appendix, because the participation figures of an edition may still grow after a version is out, and
 * comments are answered, hidden or written on later drafts.
 */
async function fileFor(submission: CouncilSubmission, versionId: string, format: ExportFormat, storage: ExportStorage) {
	const appendix = createHash('sha256')
		.update(JSON.stringify([submission.labels.figureRows, submission.organisations, submission.comments, submission.labels.commentsIntro, submission.municipalityName, submission.strategyTitle]))
		.digest('hex')
		.slice(0, 16);
	const key = `${versionId}-${appendix}`;
	const file = path.join(storage.cacheDir, `${key}.${format}`);
	try {
		return { bytes: await readFile(file), key, cached: true };
	} catch {
		const bytes = format === 'pdf' ? await writeSubmissionPdf(submission, storage.fontDir) : await writeSubmissionDocx(submission);
		await mkdir(storage.cacheDir, { recursive: true });
		// Written aside and renamed, so that a concurrent download never reads half a file.
		const partial = `${file}.${process.pid}.${Date.now()}.part`;
		await writeFile(partial, bytes);
		await rename(partial, file);
		return { bytes, key, cached: false };
	}
}

type ExportRequest = {
	db: Database;
	municipality: Municipality;
	strategySlug: string;
	number: number;
	versionNumber: number | null;
	format: ExportFormat;
	storage: ExportStorage;
};

async function exportSubmission({ db, municipality, strategySlug, number, versionNumber, format, storage }: ExportRequest) {
	const { strategy, edition, version, submission } = await loadSubmission(db, municipality, strategySlug, number, versionNumber);
	const { bytes, key, cached } = await fileFor(submission, version.id, format, storage);
	return {
		bytes,
		cached,
		etag: `"${key}-${format}"`,
		contentType: contentTypes[format],
		fileName: `${strategy.slug}-auflage-${edition.number}-fassung-${version.number}.${format}`
	};
}

/** Any published version's submission, for the facilitators and admins who take it to the council. */
export async function exportSubmissionForStaff(request: ExportRequest & { actor: Actor | null }) {
	requireRole(request.actor, request.municipality.id, councilRoles);
	return exportSubmission(request);
}

/** The public download: published versions are public anyway; without a number, the adopted text. */
export async function exportSubmissionForPublic(request: ExportRequest) {
	return exportSubmission(request);
}

export type SubmissionExport = Awaited<ReturnType<typeof exportSubmission>>;
