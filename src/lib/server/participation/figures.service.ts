// Figures own the live participation numbers of an edition and the offline counts staff add beside them.
// The numbers are computed from the data on every read (one statement); nothing is stored but offline counts.
import type { Database } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { editionNotFound } from '../document/document.errors';
import { requireMunicipalityAdmin, type Actor } from '../people/actor';
import { organisationSectors, type OrganisationSector } from '../people/organisation.schema';
import type { OfflineCountInput } from '$lib/validation/figures';
import { offlineCountNotFound } from './figures.errors';
import { deleteOfflineCountRow, insertOfflineCount, selectEditionFigures, selectEditionOfMunicipality, selectRepresentedOrganisations } from './figures.queries';

type Scope = { db: Database; municipalityId: string };

/**
 * The participation figures of one edition. Counting rules:
 *
 * - People who took part: everyone who attended an event of the edition (attendance recorded as
 *   present, cancelled events left out) together with every signed-in person who wrote a visible idea,
 *   wrote a visible comment on a visible idea or on a draft of the document, or supports a visible idea.
 *   Each person is counted once:
 *   an account counts by its e-mail address, a guest registration by its e-mail address (case
 *   ignored), so the same person at five workshops who also comments online is one person. Walk-ins
 *   recorded without an e-mail address cannot be recognised again and count once per attendance.
 *   Ideas transcribed from a workshop have no author and add no person.
 * - Organisations represented: distinct organisations with at least one member (a person in the
 *   registry linked by account or e-mail) among the people who took part, plus organisations on whose
 *   behalf a visible idea was submitted.
 * - Events held: events of the edition that have ended and were not cancelled; working-group meetings
 *   apart from workshops and all other events.
 * - Ideas and comments (on ideas and on the drafts): visible ones only; content hidden by moderation is
 *   not counted.
 * - Offline counts (paper lists and the like) are listed apart and never added to the computed number
 *   of people, because nobody can tell how many of those people are already counted.
 */
export async function getEditionFigures({ db, municipalityId, editionId, now = new Date() }: Scope & { editionId: string; now?: Date }) {
	const { offline, ...figures } = await readFigures(db, municipalityId, editionId, now);
	// Notes on offline counts are for staff; the public sees label, number and date.
	return { ...figures, offline: offline.map(({ note: _note, ...entry }) => entry) };
}

async function readFigures(db: Database, municipalityId: string, editionId: string, now: Date) {
	const row = await selectEditionFigures(db, municipalityId, editionId, now);
	const bySector = new Map(row.sectors.map((entry) => [entry.sector, entry.organisations]));
	return {
		people: row.people,
		organisations: row.organisations,
		workshops: row.workshops,
		meetings: row.meetings,
		eventsHeld: row.workshops + row.meetings,
		ideas: row.ideas,
		comments: row.comments,
		// Every sector appears, also with none: a missing bar would hide that a group was not reached.
		sectors: organisationSectors.map((sector: OrganisationSector) => ({ sector, organisations: bySector.get(sector) ?? 0 })),
		fields: row.fields,
		offline: row.offline,
		offlinePeople: row.offline.reduce((sum, entry) => sum + entry.people, 0)
	};
}

export type EditionFigures = Awaited<ReturnType<typeof getEditionFigures>>;

/** The organisations counted as represented in an edition, by name: the council submission lists them. */
export async function listRepresentedOrganisations({ db, municipalityId, editionId, now = new Date() }: Scope & { editionId: string; now?: Date }) {
	return selectRepresentedOrganisations(db, municipalityId, editionId, now);
}

/** The figures with the offline counts as staff manage them; for administrators of the municipality. */
export async function getEditionFiguresForAdmin({ db, actor, municipalityId, editionId }: Scope & { actor: Actor | null; editionId: string }) {
	requireMunicipalityAdmin(actor, municipalityId);
	if (!(await selectEditionOfMunicipality(db, municipalityId, editionId))) throw editionNotFound();
	return readFigures(db, municipalityId, editionId, new Date());
}

export async function addOfflineCount({ db, actor, municipalityId, editionId, input }: Scope & { actor: Actor | null; editionId: string; input: OfflineCountInput }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	return db.transaction(async (tx) => {
		if (!(await selectEditionOfMunicipality(tx, municipalityId, editionId))) throw editionNotFound();
		const stored = await insertOfflineCount(tx, { ...input, municipalityId, editionId, createdByUserId: admin.userId });
		await recordChange(tx, { actor: admin, municipalityId, action: 'create', entityType: 'edition_offline_count', entityId: stored.id, after: stored });
		return stored;
	});
}

export async function removeOfflineCount({ db, actor, municipalityId, editionId, offlineCountId }: Scope & { actor: Actor | null; editionId: string; offlineCountId: string }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	await db.transaction(async (tx) => {
		const removed = await deleteOfflineCountRow(tx, municipalityId, editionId, offlineCountId);
		if (!removed) throw offlineCountNotFound();
		await recordChange(tx, { actor: admin, municipalityId, action: 'delete', entityType: 'edition_offline_count', entityId: removed.id, before: removed });
	});
}
