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

/** Platform administrators pass too; everyone else needs one of the roles in that municipality. */
export function requireRole(actor: Actor | null, municipalityId: string, roles: readonly Role[]): Actor {
	if (!actor) throw notSignedIn();
	if (actor.isPlatformAdmin || actor.memberships.some((m) => m.municipalityId === municipalityId && roles.includes(m.role))) return actor;
	throw forbidden();
}

/**
 * The back-office sections (first path segment after /admin/{municipality}) that facilitators run
 * alongside admins. Every other section stays admin-only; add a section here and nowhere else.
 */
export const facilitatorSections: readonly string[] = ['events', 'working-groups'];

/** The section of a back-office route id such as "/admin/[municipality]/events/[id]", or null for the municipality's start page. */
export function backOfficeSectionOf(routeId: string | null): string | null {
	const match = routeId?.match(/^\/admin\/\[municipality\]\/([^/]+)/);
	return match ? match[1] : null;
}

/** Whether the actor may work on this back-office route of the municipality (services check again). */
export function mayWorkOnBackOfficeRoute(actor: Actor, municipalitySlug: string, routeId: string | null): boolean {
	if (actor.isPlatformAdmin) return true;
	const section = backOfficeSectionOf(routeId);
	const allowed = section !== null && facilitatorSections.includes(section) ? ['admin', 'facilitator'] : ['admin'];
	return actor.memberships.some((m) => m.municipalitySlug === municipalitySlug && allowed.includes(m.role));
}

/** Whether the actor may enter the back office at all (it still checks each municipality separately). */
export function canEnterBackOffice(actor: Actor | null): boolean {
	return Boolean(actor && (actor.isPlatformAdmin || actor.memberships.some((m) => m.role === 'admin' || m.role === 'facilitator')));
}

export function administeredMunicipalityIds(actor: Actor): Set<string> {
	return new Set(actor.memberships.filter((m) => m.role === 'admin').map((m) => m.municipalityId));
}
