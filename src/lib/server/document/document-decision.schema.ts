import { date, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { municipalities } from '../tenancy/tenancy.schema';
import { editions } from './document.schema';
import { documentVersions } from './document-version.schema';

export const decisionResults = ['adopted', 'adopted_with_changes', 'referred_back', 'rejected'] as const;
export type DecisionResult = (typeof decisionResults)[number];
export const decisionResultEnum = pgEnum('council_decision_result', decisionResults);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

const editionId = () =>
	uuid('edition_id')
		.notNull()
		.references(() => editions.id, { onDelete: 'cascade' });

/** The version an edition went to the council with (one per edition; a new submission replaces it). */
export const councilSubmissions = pgTable(
	'council_submissions',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: editionId(),
		versionId: uuid('version_id')
			.notNull()
			.references(() => documentVersions.id),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		submittedBy: text('submitted_by'),
		...timestamps()
	},
	(table) => [uniqueIndex('council_submissions_edition_idx').on(table.municipalityId, table.editionId)]
);

/** The council's decision on an edition (one per edition; a correction replaces it, the audit log keeps the old one). */
export const councilDecisions = pgTable(
	'council_decisions',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: editionId(),
		versionId: uuid('version_id')
			.notNull()
			.references(() => documentVersions.id),
		body: text('body').notNull(),
		decidedOn: date('decided_on').notNull(),
		result: decisionResultEnum('result').notNull(),
		votesFor: integer('votes_for'),
		votesAgainst: integer('votes_against'),
		votesAbstained: integer('votes_abstained'),
		referenceNumber: text('reference_number').notNull().default(''),
		councilUrl: text('council_url').notNull().default(''),
		oparlPaperUrl: text('oparl_paper_url').notNull().default(''),
		// The decision document lives under DATA_DIR/uploads/decisions/{municipality}/{key}.pdf.
		documentFileKey: text('document_file_key'),
		documentFileName: text('document_file_name').notNull().default(''),
		documentBytes: integer('document_bytes'),
		recordedBy: text('recorded_by'),
		...timestamps()
	},
	(table) => [uniqueIndex('council_decisions_edition_idx').on(table.municipalityId, table.editionId)]
);
