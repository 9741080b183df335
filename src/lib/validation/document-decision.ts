import { z } from 'zod';
import { decisionResults } from '$lib/server/document/document-decision.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });

const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation_date' })
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
		message: 'validation_date'
	});

// An empty field is "not stated"; anything else must be a whole number of votes.
const votes = z
	.string()
	.trim()
	.default('')
	.refine((value) => value === '' || /^\d{1,6}$/.test(value), { message: 'validation_decision_votes' })
	.transform((value) => (value === '' ? null : Number(value)));

const httpsUrl = text(2000)
	.default('')
	.refine((value) => value === '' || (URL.canParse(value) && new URL(value).protocol === 'https:'), { message: 'validation_decision_https_url' });

export const councilSubmissionSchema = z.object({
	versionNumber: z
		.string()
		.trim()
		.regex(/^[1-9][0-9]{0,5}$/, { message: 'validation_choose' })
		.transform(Number)
});
export type CouncilSubmissionInput = z.output<typeof councilSubmissionSchema>;

export const councilDecisionSchema = z.object({
	body: required(300),
	decidedOn: isoDate,
	result: z.enum(decisionResults, { message: 'validation_choose' }),
	votesFor: votes,
	votesAgainst: votes,
	votesAbstained: votes,
	referenceNumber: text(100).default(''),
	councilUrl: httpsUrl,
	oparlPaperUrl: httpsUrl
});
export type CouncilDecisionInput = z.output<typeof councilDecisionSchema>;
