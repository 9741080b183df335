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

/** Whether the actor may enter the back office at all (it still checks each municipality and section separately). */
export function canEnterBackOffice(actor: Actor | null): boolean {
	if (!actor) return false;
	const staff = new Set<Role>(['admin', ...Object.values(backOfficeSectionRoles).flat()]);
	return actor.isPlatformAdmin || actor.memberships.some((m) => staff.has(m.role));
}

export function administeredMunicipalityIds(actor: Actor): Set<string> {
	return new Set(actor.memberships.filter((m) => m.role === 'admin').map((m) => m.municipalityId));
}

/** Whether the actor may do staff work held by these roles here: what pages offer; requireRole decides. */
export function holdsAnyRole(actor: Actor | null, municipalityId: string, roles: readonly Role[]): boolean {
	if (!actor) return false;
	return actor.isPlatformAdmin || roles.some((role) => hasRole(actor, municipalityId, role));
}

/** Staff work: platform administrators everywhere, everyone else where they hold one of the roles. */
export function requireRole(actor: Actor | null, municipalityId: string, roles: readonly Role[]): Actor {
	if (!actor) throw notSignedIn();
	if (holdsAnyRole(actor, municipalityId, roles)) return actor;
	throw forbidden();
}

/** Roles that keep a municipality's registry of organisations and people. */
export const backOfficeRoles: readonly Role[] = ['admin', 'facilitator'];

export function requireSignedIn(actor: Actor | null): Actor {
	if (!actor) throw notSignedIn();
	return actor;
}

/**
 * Back-office sections (the first path segment after /admin/{municipality}/) open to staff besides
 * admins. Every other back-office page stays for admins only; each service still checks its own rule.
 */
export const backOfficeSectionRoles: Record<string, readonly Role[]> = {
	moderation: ['admin', 'facilitator', 'moderator'],
	organisations: ['admin', 'facilitator'],
	events: ['admin', 'facilitator'],
	'working-groups': ['admin', 'facilitator'],
	invitations: ['admin', 'facilitator'],
	monitor: ['admin', 'facilitator'],
	news: ['admin', 'editor'],
	media: ['admin', 'facilitator', 'editor'],
	// Translations of content: the service lets each role translate only the kinds of content it writes.
	translations: ['admin', 'facilitator', 'editor']
};

/**
 * Single pages inside an admin-only section that more staff work on, under the name
 * backOfficeSectionOf gives them. They do not appear in the back-office navigation of their own.
 */
export const backOfficePageRoles: Record<string, { routeId: string; roles: readonly Role[] }> = {
	'edition-document': {
		routeId: '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/document',
		roles: ['admin', 'facilitator']
	},
	// Each field of action's goals and measures, edited on a page of its own.
	'edition-document-field': {
		routeId: '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/document/fields/[field=uuid]',
		roles: ['admin', 'facilitator']
	},
	// Facilitators answer comments on the document; moderators may hide them (the service tells them apart).
	'edition-comments': {
		routeId: '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/comments',
		roles: ['admin', 'facilitator', 'moderator']
	},
	// The trace from ideas to the outline is kept by those who draft it.
	'edition-document-ideas': {
		routeId: '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/document/ideas',
		roles: ['admin', 'facilitator']
	},
	'edition-council': {
		routeId: '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/council',
		roles: ['admin', 'facilitator']
	},
	// The Leichte Sprache texts of an edition and its invitation.
	'edition-easy-read': {
		routeId: '/admin/[municipality]/strategies/[strategy]/editions/[number=integer]/easy-read',
		roles: ['admin', 'facilitator', 'editor']
	}
};

// Invitations and an edition's monitor live below an edition, in the admins' strategies section, but
// inviting and monitoring are facilitators' work too.
const invitationsRoute = /^\/admin\/\[municipality\]\/strategies\/\[strategy\]\/editions\/\[number=integer\]\/invitations(\/|$)/;
const editionMonitorRoute = /^\/admin\/\[municipality\]\/strategies\/\[strategy\]\/editions\/\[number=integer\]\/monitor(\/|$)/;

export function backOfficeSectionOf(routeId: string | null): string | undefined {
	if (routeId && invitationsRoute.test(routeId)) return 'invitations';
	if (routeId && editionMonitorRoute.test(routeId)) return 'monitor';
	const page = Object.entries(backOfficePageRoles).find(([, entry]) => entry.routeId === routeId);
	if (page) return page[0];
	const match = routeId?.match(/^\/admin\/\[municipality\]\/([^/]+)/);
	return match ? match[1] : undefined;
}

/** Whether the actor may work on this section of the municipality's back office (admins: every section). */
export function mayWorkInBackOffice(actor: Actor, municipalitySlug: string, section: string | undefined): boolean {
	if (actor.isPlatformAdmin) return true;
	const allowed: readonly Role[] = (section && (backOfficeSectionRoles[section] ?? backOfficePageRoles[section]?.roles)) || ['admin'];
	return actor.memberships.some((m) => m.municipalitySlug === municipalitySlug && allowed.includes(m.role));
}

/** Municipalities where the actor facilitates without administering: they may use the organisation pages there. */
export function facilitatedMunicipalities(actor: Actor | null): { slug: string; name: string }[] {
	if (!actor || actor.isPlatformAdmin) return [];
	const administered = administeredMunicipalityIds(actor);
	return actor.memberships
		.filter((m) => m.role === 'facilitator' && !administered.has(m.municipalityId))
		.map((m) => ({ slug: m.municipalitySlug, name: m.municipalityName }));
}
