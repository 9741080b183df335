// Self-declared memberships: a signed-in person says which organisations of the registry they belong
// to. Such a membership always has the role "member"; facilitators see it beside the ones they keep.
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { notSignedIn } from '../shared/errors';
import { requireSignedIn, type Actor } from './actor';
import type { DeclareMembershipInput } from '$lib/validation/membership';
import { membershipAlreadyDeclared, membershipNotFound, membershipOrganisationUnknown } from './membership.errors';
import {
	deleteMembershipOfUser,
	deletePeopleOfUser,
	insertMembership,
	insertPerson,
	linkPersonToUser,
	selectAccountEmail,
	selectMembershipsOfUser,
	selectMunicipalityChoices,
	selectOrganisationChoices,
	selectOrganisationInMunicipality,
	selectPersonForUser
} from './membership.queries';

/**
 * The memberships section of /account: the person's memberships and the organisations of one
 * municipality to choose from — the one asked for, else the first where the person holds a role.
 */
export async function getMembershipsOfAccount({ db, actor, municipalitySlug }: { db: Database; actor: Actor | null; municipalitySlug?: string }) {
	const self = requireSignedIn(actor);
	const [memberships, municipalities] = await Promise.all([selectMembershipsOfUser(db, self.userId), selectMunicipalityChoices(db)]);
	const preferred = municipalitySlug ?? self.memberships[0]?.municipalitySlug ?? memberships[0]?.municipalitySlug;
	const chosen = municipalities.find((municipality) => municipality.slug === preferred) ?? municipalities[0];
	const organisations = chosen ? await selectOrganisationChoices(db, chosen.id) : [];
	return { memberships, municipalities, chosenMunicipality: chosen ?? null, organisations };
}

export async function declareMembership({ db, actor, input }: { db: Database; actor: Actor | null; input: DeclareMembershipInput }) {
	const self = requireSignedIn(actor);
	await db.transaction(async (tx) => {
		const organisation = await selectOrganisationInMunicipality(tx, input.municipalityId, input.organisationId);
		if (!organisation) throw membershipOrganisationUnknown();
		const email = await selectAccountEmail(tx, self.userId);
		if (!email) throw notSignedIn();
		let person = await selectPersonForUser(tx, input.municipalityId, self.userId, email);
		if (person && person.userId !== self.userId) await linkPersonToUser(tx, person.id, self.userId);
		person ??= { ...(await insertPerson(tx, { municipalityId: input.municipalityId, name: self.name, email, userId: self.userId })), userId: self.userId };
		const membership = await insertMembership(tx, { municipalityId: input.municipalityId, organisationId: organisation.id, personId: person.id });
		if (!membership) throw membershipAlreadyDeclared({ organisation: organisation.name });
		await recordChange(tx, {
			actor: self,
			municipalityId: input.municipalityId,
			action: 'create',
			entityType: 'organisation_membership',
			entityId: membership.id,
			after: { organisationId: organisation.id, personId: person.id, role: membership.role, selfDeclared: true }
		});
	});
}

export async function removeOwnMembership({ db, actor, membershipId }: { db: Database; actor: Actor | null; membershipId: string }) {
	const self = requireSignedIn(actor);
	await db.transaction(async (tx) => {
		const removed = await deleteMembershipOfUser(tx, self.userId, membershipId);
		if (!removed) throw membershipNotFound();
		await recordChange(tx, {
			actor: self,
			municipalityId: removed.municipalityId,
			action: 'delete',
			entityType: 'organisation_membership',
			entityId: removed.id,
			before: { organisationId: removed.organisationId, personId: removed.personId, role: removed.role }
		});
	});
}

/** Part of deleting an account: the registry keeps no person row for it, and so no name or address. */
export async function forgetPeopleOfAccount(tx: Executor, userId: string) {
	await deletePeopleOfUser(tx, userId);
}
