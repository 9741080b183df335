import { forbidden, notSignedIn } from '../shared/errors';
import type { Role } from './people.schema';

/** Who is acting: resolved on the server from the session for every request, never from the client. */
export type Actor = {
	userId: string;
	name: string;
	email: string;
	isPlatformAdmin: boolean;
	memberships: { municipalityId: string; municipalitySlug: string; municipalityName: string; role: Role }[];
};

export function hasRole(actor: Actor | null, municipalityId: string, role: Role): boolean {
	if (!actor) return false;
	return actor.memberships.some((m) => m.municipalityId === municipalityId && m.role === role);
}

/** Platform administrators may administer every municipality; everyone else only where they hold the role. */
export function requireMunicipalityAdmin(actor: Actor | null, municipalityId: string): Actor {
	if (!actor) throw notSignedIn();
	if (actor.isPlatformAdmin || hasRole(actor, municipalityId, 'admin')) return actor;
	throw forbidden();
}

export function requirePlatformAdmin(actor: Actor | null): Actor {
	if (!actor) throw notSignedIn();
	if (!actor.isPlatformAdmin) throw forbidden();
	return actor;
}

/** Platform administrators may do everything; everyone else needs one of the roles in that municipality. */
export function requireRole(actor: Actor | null, municipalityId: string, allowed: readonly Role[]): Actor {
	if (!actor) throw notSignedIn();
	if (actor.isPlatformAdmin || allowed.some((role) => hasRole(actor, municipalityId, role))) return actor;
	throw forbidden();
}

/** Roles that work in the back office; facilitators only on the pages of their process (see hooks.server.ts). */
export const backOfficeRoles: readonly Role[] = ['admin', 'facilitator'];

/** Whether the actor may enter the back office at all (it still checks each municipality separately). */
export function canEnterBackOffice(actor: Actor | null): boolean {
	return Boolean(actor && (actor.isPlatformAdmin || actor.memberships.some((m) => backOfficeRoles.includes(m.role))));
}

export function administeredMunicipalityIds(actor: Actor): Set<string> {
	return new Set(actor.memberships.filter((m) => m.role === 'admin').map((m) => m.municipalityId));
}

/** Municipalities where the actor facilitates without administering: they may use the organisation pages there. */
export function facilitatedMunicipalities(actor: Actor | null): { slug: string; name: string }[] {
	if (!actor || actor.isPlatformAdmin) return [];
	const administered = administeredMunicipalityIds(actor);
	return actor.memberships
		.filter((m) => m.role === 'facilitator' && !administered.has(m.municipalityId))
		.map((m) => ({ slug: m.municipalitySlug, name: m.municipalityName }));
}
