// Labels looked up by a key made at run time. A lookup into a module's namespace keeps every export of that module
// in the bundle, so it goes into message-labels, not into the whole catalogue; the server looks up any key with
// $lib/server/shared/translate.
import { error_unexpected } from '$lib/paraglide/messages';
import * as labels from './message-labels';

/**
 * The keys message-labels must hold: message-lookup.test.ts checks that it has every label (a message without
 * parameters) matching one, and nothing else.
 */
export const lookupPatterns: readonly RegExp[] = [
	/^content_field_/,
	/^content_kind_/,
	/^document_stage_/,
	/^event_photos_licence_/,
	/^events_type_/,
	/^ideas_status_/,
	/^invitations_status_/,
	/^legal_[a-z]+_title$/,
	/^monitoring_direction_/,
	/^monitoring_frequency_/,
	/^monitoring_status_/,
	/^news_status_/,
	/^organisations_role_/,
	/^organisations_sector_/,
	/^people_role_/,
	/^review_kind_/,
	/^review_rating_/,
	/^score_status_/
];

type Label = (inputs?: Record<string, never>) => string;
const labelsByKey = labels as unknown as Record<string, Label | undefined>;

/** The message of a key built from one of lookupPatterns; the generic error for any other key, never the key itself. */
export function lookupMessage(key: string): string {
	return (labelsByKey[key] ?? error_unexpected)({});
}
