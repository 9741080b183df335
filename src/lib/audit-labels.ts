// The audit log's words for what changed and how, in the reader's language. Kept apart from the page so the
// type system proves every entity type the server may record has its name.
import * as m from '$lib/paraglide/messages';
import type { AuditAction, AuditEntityType } from '$lib/audit-entity-types';

const entityLabels: Record<AuditEntityType, () => string> = {
	account: m.audit_entity_account,
	article: m.audit_entity_article,
	article_context: m.audit_entity_article_context,
	article_lead_image: m.audit_entity_article_lead_image,
	article_translation: m.audit_entity_article_translation,
	council_decision: m.audit_entity_council_decision,
	council_submission: m.audit_entity_council_submission,
	district: m.audit_entity_district,
	document_comment: m.audit_entity_document_comment,
	document_introduction: m.audit_entity_document_introduction,
	document_section: m.audit_entity_document_section,
	document_version: m.audit_entity_document_version,
	easy_read_text: m.audit_entity_easy_read_text,
	edition: m.audit_entity_edition,
	edition_ideas: m.audit_entity_edition_ideas,
	edition_invitation: m.audit_entity_edition_invitation,
	edition_offline_count: m.audit_entity_edition_offline_count,
	edition_review: m.audit_entity_edition_review,
	edition_review_publication: m.audit_entity_edition_review_publication,
	edition_translation: m.audit_entity_edition_translation,
	event: m.audit_entity_event,
	event_attendance: m.audit_entity_event_attendance,
	event_minutes: m.audit_entity_event_minutes,
	event_photo: m.audit_entity_event_photo,
	event_registrations: m.audit_entity_event_registrations,
	event_translation: m.audit_entity_event_translation,
	event_walk_in: m.audit_entity_event_walk_in,
	field: m.audit_entity_field,
	goal: m.audit_entity_goal,
	goal_translation: m.audit_entity_goal_translation,
	idea: m.audit_entity_idea,
	idea_comment: m.audit_entity_idea_comment,
	idea_trace: m.audit_entity_idea_trace,
	indicator: m.audit_entity_indicator,
	indicator_interim_targets: m.audit_entity_indicator_interim_targets,
	indicator_measurement: m.audit_entity_indicator_measurement,
	indicator_snapshot: m.audit_entity_indicator_snapshot,
	indicator_source: m.audit_entity_indicator_source,
	legal_page: m.audit_entity_legal_page,
	measure: m.audit_entity_measure,
	measure_progress_update: m.audit_entity_measure_progress_update,
	measure_status: m.audit_entity_measure_status,
	measure_tracking: m.audit_entity_measure_tracking,
	measure_translation: m.audit_entity_measure_translation,
	measurement_import: m.audit_entity_measurement_import,
	media: m.audit_entity_media,
	municipality: m.audit_entity_municipality,
	organisation: m.audit_entity_organisation,
	organisation_import: m.audit_entity_organisation_import,
	organisation_membership: m.audit_entity_organisation_membership,
	platform_legal_page: m.audit_entity_platform_legal_page,
	review_ratings: m.audit_entity_review_ratings,
	role: m.audit_entity_role,
	strategy: m.audit_entity_strategy,
	strategy_message: m.audit_entity_strategy_message,
	working_group: m.audit_entity_working_group,
	working_group_member: m.audit_entity_working_group_member
};

const actionNames: Record<AuditAction, () => string> = {
	create: m.audit_action_name_create,
	update: m.audit_action_name_update,
	delete: m.audit_action_name_delete,
	move: m.audit_action_name_move,
	export: m.audit_action_name_export
};

const actionLabels: Record<AuditAction, () => string> = {
	create: m.audit_action_create,
	update: m.audit_action_update,
	delete: m.audit_action_delete,
	move: m.audit_action_move,
	export: m.audit_action_export
};

/** The name of a kind of entry; a kind recorded by an older version and since renamed is shown as stored. */
export const auditEntityLabel = (type: string): string => (Object.hasOwn(entityLabels, type) ? entityLabels[type as AuditEntityType]() : type);

/** An action as a choice in the filter ("Changed"). */
export const auditActionName = (action: AuditAction): string => actionNames[action]();

/** An action as it leads an entry ("Changed:"). */
export const auditActionLabel = (action: string): string => (Object.hasOwn(actionLabels, action) ? actionLabels[action as AuditAction]() : action);
