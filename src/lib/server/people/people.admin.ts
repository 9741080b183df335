// Admin writes of the people domain: which accounts hold which role in a municipality.
import type { Database } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { requireMunicipalityAdmin, type Actor } from './actor';
import { accountNotFound, lastAdmin } from './people.errors';
import {
	countAdmins,
	deleteRoleAssignment,
	insertRoleAssignment,
	selectMembersOfMunicipality,
	selectUserByEmail
} from './people.queries';
import type { Role } from './people.schema';

type Scope = { db: Database; actor: Actor | null; municipalityId: string };

export async function listRoleHolders({ db, actor, municipalityId }: Scope) {
	requireMunicipalityAdmin(actor, municipalityId);
	const rows = await selectMembersOfMunicipality(db, municipalityId);
	const byUser = new Map<string, { userId: string; name: string; email: string; roles: Role[] }>();
	for (const row of rows) {
		const entry = byUser.get(row.userId) ?? { userId: row.userId, name: row.name, email: row.email, roles: [] };
		entry.roles.push(row.role);
		byUser.set(row.userId, entry);
	}
	return [...byUser.values()];
}

/** Gives an existing account a role here; accounts themselves come from sign-up or the admin command. */
export async function grantRole({ db, actor, municipalityId, email, role }: Scope & { email: string; role: Role }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	await db.transaction(async (tx) => {
		const user = await selectUserByEmail(tx, email);
		if (!user) throw accountNotFound({ email });
		await insertRoleAssignment(tx, municipalityId, user.id, role);
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'create',
			entityType: 'role',
			entityId: user.id,
			after: { email: user.email, role }
		});
	});
}

export async function revokeRole({ db, actor, municipalityId, userId, role }: Scope & { userId: string; role: Role }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	await db.transaction(async (tx) => {
		// A municipality without an admin could only be rescued from the command line.
		if (role === 'admin' && (await countAdmins(tx, municipalityId)) < 2) throw lastAdmin();
		const removed = await deleteRoleAssignment(tx, municipalityId, userId, role);
		if (!removed) throw accountNotFound();
		await recordChange(tx, { actor: admin, municipalityId, action: 'delete', entityType: 'role', entityId: userId, before: { role } });
	});
}
