// The staff's download of an edition's ideas as a spreadsheet: after 17 workshops the office sorts and weighs
// hundreds of contributions, and does so in the spreadsheet program it already uses.
import * as m from '$lib/paraglide/messages';
import { localizeHref, type Locale } from '$lib/paraglide/runtime';
import { recordExport } from '../audit/audit.service';
import type { Database } from '../db/client';
import { traceNumbersOfIdeas } from '../document/document-trace.service';
import { editionNotFound } from '../document/document.errors';
import { holdsAnyRole, requireRole, type Actor } from '../people/actor';
import { csvRecord, type CsvValue } from '../shared/csv';
import { csvDelimiterFor, sortableLocalTime } from '../shared/spreadsheet';
import { selectIdeasForExport, type IdeaExportCursor, type IdeaExportRow } from './idea-export.queries';
import { selectEditionBySlugAndNumber } from './idea.queries';
import { FACILITATOR_ROLES } from './idea.service';

const BATCH_SIZE = 500;

type ExportRequest = {
	db: Database;
	actor: Actor | null;
	municipality: { id: string; slug: string; timeZone: string };
	strategySlug: string;
	number: number;
	locale: Locale;
	/** The site's address, for the link to each idea's page. */
	origin: string;
	/** Ideas read per query; tests make it small to cross batch boundaries. */
	batchSize?: number;
};

/** Whether the actor may download the ideas: decides whether pages offer the link; the download checks again. */
export function mayExportIdeas(actor: Actor | null, municipalityId: string): boolean {
	return holdsAnyRole(actor, municipalityId, FACILITATOR_ROLES);
}

/**
 * Every idea of an edition, oldest first, one row each, with where it came from, what became of it and the
 * goals and measures it fed into; headings and statuses in the reader's language. Facilitators and admins
 * only, as the file names the authors; each download is written to the audit log. The rows are read in
 * batches while the file is sent, so an edition of any size costs the same memory.
 */
export async function exportIdeas(request: ExportRequest) {
	const { db, municipality, locale } = request;
	const actor = requireRole(request.actor, municipality.id, FACILITATOR_ROLES);
	const edition = await selectEditionBySlugAndNumber(db, municipality.id, request.strategySlug, request.number);
	if (!edition) throw editionNotFound({ number: request.number });
	const numbersOf = await traceNumbersOfIdeas({ db, municipalityId: municipality.id, editionId: edition.id });
	await recordExport(db, {
		actor,
		municipalityId: municipality.id,
		entityType: 'edition_ideas',
		entityId: edition.id,
		details: { strategy: edition.strategySlug, edition: edition.number, format: 'csv' }
	});

	const delimiter = csvDelimiterFor(locale);
	const ideasPath = `/${municipality.slug}/strategies/${edition.strategySlug}/editions/${edition.number}/ideas`;
	const toRow = ideaRow({ locale, timeZone: municipality.timeZone, linkOf: (id) => new URL(localizeHref(`${ideasPath}/${id}`, { locale }), request.origin).toString() });
	const batchSize = request.batchSize ?? BATCH_SIZE;
	const encoder = new TextEncoder();
	let cursor: IdeaExportCursor | null = null;
	let done = false;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			// The byte order mark tells spreadsheet programs the file is UTF-8 (umlauts, Arabic and Cyrillic names).
			controller.enqueue(encoder.encode('\uFEFF' + csvRecord(headings(locale), delimiter)));
		},
		async pull(controller) {
			if (done) return;
			const batch = await selectIdeasForExport(db, municipality.id, edition.id, cursor, batchSize);
			const numbers = await numbersOf(batch.map((idea) => idea.id));
			controller.enqueue(encoder.encode(batch.map((idea) => csvRecord(toRow(idea, numbers.get(idea.id) ?? []), delimiter)).join('')));
			const last = batch.at(-1);
			if (!last || batch.length < batchSize) {
				done = true;
				controller.close();
			} else cursor = { createdAt: last.cursor, id: last.id };
		}
	});
	const date = new Date().toISOString().slice(0, 10);
	return { fileName: `${edition.strategySlug}-${edition.number}-ideas-${date}.csv`, body };
}

function headings(locale: Locale): string[] {
	const o = { locale };
	return [
		m.ideas_export_column_id({}, o),
		m.ideas_export_column_submitted({}, o),
		m.ideas_export_column_source({}, o),
		m.ideas_export_column_gathered({}, o),
		m.ideas_export_column_author({}, o),
		m.ideas_export_column_organisation({}, o),
		m.ideas_export_column_field({}, o),
		m.ideas_export_column_district({}, o),
		m.ideas_export_column_title({}, o),
		m.ideas_export_column_body({}, o),
		m.ideas_export_column_status({}, o),
		m.ideas_export_column_explanation({}, o),
		m.ideas_export_column_merged_into({}, o),
		m.ideas_export_column_supports({}, o),
		m.ideas_export_column_comments({}, o),
		m.ideas_export_column_fed_into({}, o),
		m.ideas_export_column_hidden({}, o),
		m.ideas_export_column_link({}, o)
	];
}

function ideaRow({ locale, timeZone, linkOf }: { locale: Locale; timeZone: string; linkOf: (id: string) => string }) {
	const o = { locale };
	const statusLabels: Record<IdeaExportRow['status'], string> = {
		new: m.ideas_status_new({}, o),
		considered: m.ideas_status_considered({}, o),
		adopted: m.ideas_status_adopted({}, o),
		merged: m.ideas_status_merged({}, o),
		not_pursued: m.ideas_status_not_pursued({}, o)
	};
	const transcribed = m.ideas_source_transcribed({}, o);
	const online = m.ideas_source_online({}, o);
	const formerParticipant = m.ideas_former_participant({}, o);
	const submitted = sortableLocalTime(timeZone);
	return (idea: IdeaExportRow, fedInto: string[]): CsvValue[] => {
		const hidden = idea.hiddenReason !== null;
		const isTranscribed = idea.sourceLabel !== null;
		return [
			idea.id,
			submitted(idea.createdAt),
			isTranscribed ? transcribed : online,
			idea.eventTitle ?? idea.workingGroupName ?? idea.sourceLabel,
			idea.authorName ?? (isTranscribed ? '' : formerParticipant),
			idea.organisationName,
			idea.fieldTitle,
			idea.districtName,
			// What moderators hid stays out of the file as it stays off the public page; the reason is kept.
			hidden ? '' : idea.title,
			hidden ? '' : idea.body,
			statusLabels[idea.status],
			idea.statusExplanation,
			idea.mergedIntoTitle,
			idea.supportCount,
			idea.commentCount,
			fedInto.join(', '),
			idea.hiddenReason,
			linkOf(idea.id)
		];
	};
}
