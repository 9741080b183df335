// One field of action of an edition's document, for staff who edit its goals and measures on a page of
// its own: the whole outline with every form on one page was too heavy for a phone.
import type { Database } from '../db/client';
import type { Actor } from '../people/actor';
import { outlineItemNotFound } from './document.errors';
import { buildOutline } from './document.outline';
import { selectOutlineOfOneField } from './document.queries';
import { getEditionForDrafting } from './document-version.service';

type FieldScope = { db: Database; actor: Actor | null; municipalityId: string; strategySlug: string; number: number; fieldId: string };

/**
 * The field with its goals and measures, numbered as in the whole document, the fields before and
 * after it so that staff can page through the outline, and the others a goal can move to.
 */
export async function getFieldForDrafting(scope: FieldScope) {
	const { strategy, edition } = await getEditionForDrafting(scope);
	const rows = await selectOutlineOfOneField(scope.db, scope.municipalityId, edition.id, scope.fieldId);
	if (!rows) throw outlineItemNotFound();
	const outline = buildOutline(rows.fieldRows, rows.goalRows, rows.measureRows);
	const index = outline.findIndex((field) => field.id === scope.fieldId);
	const summaryOf = (field: (typeof outline)[number] | undefined) => (field ? { id: field.id, number: field.number, title: field.title } : null);
	const otherFields = outline.filter((field) => field.id !== scope.fieldId).map((field) => summaryOf(field)!);
	return { strategy, edition, field: outline[index], previous: summaryOf(outline[index - 1]), next: summaryOf(outline[index + 1]), otherFields };
}
