// The shape of a published version. Every item keeps its id, lineage id, order and number, and every
// paragraph an anchor, so that links, comparisons and later comments can point at (version, anchor).
import { Marked } from 'marked';
import type { OutlineField } from './document.outline';

export type SnapshotParagraph = { anchor: string; markdown: string };
type SnapshotItem = { id: string; lineageId: string; anchor: string; number: string; position: number; title: string; description: string };
export type SnapshotMeasure = SnapshotItem;
export type SnapshotGoal = SnapshotItem & { measures: SnapshotMeasure[] };
export type SnapshotField = SnapshotItem & { isFocus: boolean; goals: SnapshotGoal[] };
export type SnapshotSection = { id: string; lineageId: string; anchor: string; position: number; title: string; paragraphs: SnapshotParagraph[] };

export type DocumentSnapshot = {
	format: 1;
	introduction: SnapshotParagraph[];
	fields: SnapshotField[];
	sections: SnapshotSection[];
};

const lexer = new Marked({ gfm: true });

/** Markdown split into its top-level blocks (paragraphs, lists, headings, tables): the unit of an anchor. */
export function paragraphsOf(markdown: string, anchorPrefix: string): SnapshotParagraph[] {
	const blocks = lexer
		.lexer(markdown)
		.filter((token) => token.type !== 'space')
		.map((token) => token.raw.trim())
		.filter((raw) => raw.length > 0);
	return blocks.map((block, index) => ({ anchor: `${anchorPrefix}-p${index + 1}`, markdown: block }));
}

// Fields carried over from earlier editions have a lineage id; the others are their own lineage.
const lineageOf = (item: { id: string; lineageId: string | null }) => item.lineageId ?? item.id;

export function buildSnapshot({
	introduction,
	outline,
	sections
}: {
	introduction: string;
	outline: OutlineField[];
	sections: { id: string; lineageId: string; title: string; body: string }[];
}): DocumentSnapshot {
	return {
		format: 1,
		introduction: paragraphsOf(introduction, 'introduction'),
		fields: outline.map((field, fieldIndex) => ({
			id: field.id,
			lineageId: lineageOf(field),
			anchor: `field-${lineageOf(field)}`,
			number: field.number,
			position: fieldIndex,
			title: field.title,
			description: field.description,
			isFocus: field.isFocus,
			goals: field.goals.map((goal, goalIndex) => ({
				id: goal.id,
				lineageId: goal.lineageId,
				anchor: `goal-${goal.lineageId}`,
				number: goal.number,
				position: goalIndex,
				title: goal.title,
				description: goal.description,
				measures: goal.measures.map((measure, measureIndex) => ({
					id: measure.id,
					lineageId: measure.lineageId,
					anchor: `measure-${measure.lineageId}`,
					number: measure.number,
					position: measureIndex,
					title: measure.title,
					description: measure.description
				}))
			}))
		})),
		sections: sections.map((section, index) => ({
			id: section.id,
			lineageId: section.lineageId,
			anchor: `section-${section.lineageId}`,
			position: index,
			title: section.title,
			paragraphs: paragraphsOf(section.body, `section-${section.lineageId}`)
		}))
	};
}
