// The staff's download of an event's registrations as a spreadsheet: name badges, a mail to everyone,
// the list at the door, interpreters for the languages people registered in.
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { LOCALE_NAMES } from '$lib/i18n-locales';
import { recordExport } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { csvRecord } from '../shared/csv';
import { STAFF } from './event.admin';
import { eventNotFound } from './event.errors';
import { selectEvent, selectRegistrationsOfEvent } from './event.queries';
import { isEventId } from './event.service';
import type { RegistrationStatus } from './event.schema';
import { csvDelimiterFor, sortableLocalTime } from '../shared/spreadsheet';

/**
 * The event's registrations that hold or wait for a seat, one row each, in the order of the staff page:
 * status, then name. Facilitators and admins only; each download is written to the audit log, as the file
 * holds names and addresses.
 */
export async function exportRegistrations({
	db,
	actor,
	municipality,
	eventId,
	locale
}: {
	db: Database;
	actor: Actor | null;
	municipality: { id: string; timeZone: string };
	eventId: string;
	locale: Locale;
}) {
	const staff = requireRole(actor, municipality.id, STAFF);
	const row = isEventId(eventId) ? await selectEvent(db, municipality.id, eventId) : undefined;
	if (!row) throw eventNotFound();
	const registrations = await selectRegistrationsOfEvent(db, municipality.id, eventId);
	await recordExport(db, { actor: staff, municipalityId: municipality.id, entityType: 'event_registrations', entityId: eventId, details: { rows: registrations.length, format: 'csv' } });

	const o = { locale };
	const statusLabels: Record<Exclude<RegistrationStatus, 'cancelled'>, string> = {
		confirmed: m.admin_events_export_confirmed({}, o),
		waiting: m.admin_events_attendance_waiting({}, o),
		pending: m.admin_events_attendance_pending({}, o)
	};
	const yesNo = (value: boolean | null) => (value === null ? '' : value ? m.admin_events_export_yes({}, o) : m.admin_events_export_no({}, o));
	const registeredAt = sortableLocalTime(municipality.timeZone);
	const delimiter = csvDelimiterFor(locale);
	const headings = [
		m.admin_events_export_column_number({}, o),
		m.admin_events_print_name({}, o),
		m.admin_events_export_column_email({}, o),
		m.admin_events_export_column_status({}, o),
		m.admin_events_export_column_registered({}, o),
		m.admin_events_export_column_language({}, o),
		m.admin_events_attendance_walk_in({}, o),
		m.admin_events_attendance_present({}, o)
	];
	const lines = registrations.map((registration, index) =>
		csvRecord(
			[
				index + 1,
				registration.name,
				registration.email,
				registration.status === 'cancelled' ? '' : statusLabels[registration.status],
				registeredAt(registration.createdAt),
				registration.walkIn ? '' : (LOCALE_NAMES[registration.locale as Locale] ?? registration.locale),
				yesNo(registration.walkIn),
				yesNo(registration.attended)
			],
			delimiter
		)
	);
	const date = new Date().toISOString().slice(0, 10);
	return {
		fileName: `registrations-${date}-${eventId.slice(0, 8)}.csv`,
		// The byte order mark tells spreadsheet programs the file is UTF-8.
		text: '\uFEFF' + csvRecord(headings, delimiter) + lines.join('')
	};
}
