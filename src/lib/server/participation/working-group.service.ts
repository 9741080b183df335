// Working groups (Fachgruppen) of an edition: their members, and as schedule the events held for them.
// Members are shown publicly by count only; names stay in the back office.
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { recordChange } from '../audit/audit.service';
import type { WorkingGroupInput } from '$lib/validation/events';
import { renderMarkdown } from './event.markdown';
import {
	countMembersOfGroups,
	insertMember,
	insertWorkingGroup,
	selectEditionFields,
	selectEditionOf,
	selectEventsOfWorkingGroup,
	selectMembersOfGroups,
	selectWorkingGroup,
	selectWorkingGroups,
	selectWorkingGroupsOfEdition
} from './event.queries';
import { isEventId } from './event.service';
import { eventFieldUnknown, workingGroupNotFound } from './event.errors';

const STAFF = ['admin', 'facilitator'] as const;

export async function listWorkingGroupsOfEdition({ db, municipalityId, editionId }: { db: Database; municipalityId: string; editionId: string }) {
	return selectWorkingGroupsOfEdition(db, municipalityId, editionId);
}

/** The public page of a working group within its edition; another edition's id names nothing. */
export async function getWorkingGroupPage({ db, municipalityId, editionId, groupId }: { db: Database; municipalityId: string; editionId: string; groupId: string }) {
	const row = isEventId(groupId) ? await selectWorkingGroup(db, municipalityId, groupId) : undefined;
	if (!row || row.group.editionId !== editionId) throw workingGroupNotFound();
	const [meetings, counts] = await Promise.all([selectEventsOfWorkingGroup(db, municipalityId, groupId), countMembersOfGroups(db, municipalityId, [groupId])]);
	return {
		group: { id: row.group.id, name: row.group.name, descriptionHtml: renderMarkdown(row.group.description), fieldTitle: row.fieldTitle },
		memberCount: counts[0]?.n ?? 0,
		meetings: meetings.map((event) => ({ id: event.id, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, status: event.status, hasMinutes: Boolean(event.minutesPublishedAt) }))
	};
}

export async function listWorkingGroupsForStaff({ db, actor, municipalityId }: { db: Database; actor: Actor | null; municipalityId: string }) {
	requireRole(actor, municipalityId, STAFF);
	const rows = await selectWorkingGroups(db, municipalityId);
	const members = await selectMembersOfGroups(db, municipalityId, rows.map((row) => row.group.id));
	return rows.map((row) => ({
		...row.group,
		fieldTitle: row.fieldTitle,
		editionNumber: row.editionNumber,
		members: members.filter((member) => member.workingGroupId === row.group.id).map((member) => ({ id: member.id, name: member.name, role: member.role }))
	}));
}

export async function createWorkingGroup({ db, actor, municipalityId, input }: { db: Database; actor: Actor | null; municipalityId: string; input: WorkingGroupInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return db.transaction(async (tx) => {
		if (!(await selectEditionOf(tx, municipalityId, input.editionId))) throw workingGroupNotFound();
		const fields = await selectEditionFields(tx, municipalityId, input.editionId);
		if (input.fieldId && !fields.some((f) => f.id === input.fieldId)) throw eventFieldUnknown();
		const group = await insertWorkingGroup(tx, { municipalityId, editionId: input.editionId, fieldId: input.fieldId, name: input.name, description: input.description });
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'working_group', entityId: group.id, after: group });
		return group;
	});
}

export async function addWorkingGroupMember({
	db,
	actor,
	municipalityId,
	groupId,
	member
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	groupId: string;
	member: { name: string; email: string; role: string };
}) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return db.transaction(async (tx) => {
		if (!(await selectWorkingGroup(tx, municipalityId, groupId))) throw workingGroupNotFound();
		const row = await insertMember(tx, { municipalityId, workingGroupId: groupId, name: member.name, email: member.email || null, role: member.role });
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'working_group_member', entityId: row.id, after: row });
		return row;
	});
}
