import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });

export const introductionSchema = z.object({ introduction: text(40000).default('') });
export type IntroductionInput = z.output<typeof introductionSchema>;

export const documentSectionSchema = z.object({ title: required(300), body: text(40000).default('') });
export type DocumentSectionInput = z.output<typeof documentSectionSchema>;

export const sectionIdSchema = z.object({ sectionId: z.uuid({ message: 'validation_invalid' }) });

export const publishVersionSchema = z.object({ title: required(200), changeSummary: text(4000).default('') });
export type PublishVersionInput = z.output<typeof publishVersionSchema>;

const versionNumber = /^[1-9][0-9]{0,5}$/;

/** `?version=N` and `?compare=a..b` of the public document page; anything else is not a version. */
export function parseVersionQuery(params: URLSearchParams): { version: number | null; compare: [number, number] | null; valid: boolean } {
	const version = params.get('version');
	const compare = params.get('compare');
	if (compare !== null) {
		const match = /^([1-9][0-9]{0,5})\.\.([1-9][0-9]{0,5})$/.exec(compare);
		if (!match || match[1] === match[2]) return { version: null, compare: null, valid: false };
		return { version: null, compare: [Number(match[1]), Number(match[2])], valid: true };
	}
	if (version !== null) {
		if (!versionNumber.test(version)) return { version: null, compare: null, valid: false };
		return { version: Number(version), compare: null, valid: true };
	}
	return { version: null, compare: null, valid: true };
}
