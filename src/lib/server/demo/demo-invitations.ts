// Demo invitations: most organisations of Münster's registry were invited to the 4th edition; most
// accepted, some declined, some never answered. The links are not mailed, so nobody can answer them.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client';
import { insertInvitations, selectEditionByPath, selectOrganisationIdsByName } from '../people/invitation.queries';
import type { InvitationStatus } from '../people/invitation.schema';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';

const answers = ['Wir sind gern dabei und bringen zwei Kolleginnen mit.', 'Zusage – wir freuen uns auf die Werkstätten.', '', 'Leider fehlen uns in diesem Jahr die Kapazitäten.', ''];
const statusOf = (index: number): InvitationStatus => (index % 5 === 3 ? 'declined' : index % 5 === 4 ? 'invited' : 'accepted');

export async function loadDemoInvitations(db: Database): Promise<void> {
	const municipality = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const edition = await selectEditionByPath(db, municipality.id, 'migration-und-integration', 4);
	if (!edition) throw new Error('demo invitations: the 4th edition of Münster is missing');
	const invitedAt = new Date('2023-08-21T08:00:00Z');
	const chosen = await selectOrganisationIdsByName(db, municipality.id, 60);
	await insertInvitations(
		db,
		chosen.map(({ id }, index) => {
			const status = statusOf(index);
			return {
				municipalityId: municipality.id,
				editionId: edition.id,
				organisationId: id,
				invitedAt,
				lastSentAt: invitedAt,
				status,
				respondedAt: status === 'invited' ? null : new Date(invitedAt.getTime() + (index + 1) * 36 * 60 * 60 * 1000),
				responseMessage: status === 'invited' ? '' : answers[index % answers.length],
				tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
				locale: 'de'
			};
		})
	);
}
