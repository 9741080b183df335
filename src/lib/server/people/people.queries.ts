import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { municipalities } from '../tenancy/tenancy.schema';
import { authCredentials, authUsers, roleAssignments, type Role } from './people.schema';

export async function selectRolesOfUser(db: Executor, userId: string) {
	return db
		.select({
			municipalityId: roleAssignments.municipalityId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			role: roleAssignments.role
		})
		.from(roleAssignments)
		.innerJoin(municipalities, eq(municipalities.id, roleAssignments.municipalityId))
		.where(eq(roleAssignments.userId, userId))
		.orderBy(asc(municipalities.name))
		.limit(200);
}

export async function selectUserById(db: Executor, userId: string) {
	const [row] = await db.select().from(authUsers).where(eq(authUsers.id, userId)).limit(1);
	return row;
}

export async function selectUserByEmail(db: Executor, email: string) {
	const [row] = await db.select().from(authUsers).where(eq(authUsers.email, email.toLowerCase())).limit(1);
	return row;
}

export async function insertRoleAssignment(db: Executor, municipalityId: string, userId: string, role: Role) {
	await db.insert(roleAssignments).values({ municipalityId, userId, role }).onConflictDoNothing();
}

export async function selectMembersOfMunicipality(db: Executor, municipalityId: string) {
	return db
		.select({ userId: authUsers.id, name: authUsers.name, email: authUsers.email, role: roleAssignments.role })
		.from(roleAssignments)
		.innerJoin(authUsers, eq(authUsers.id, roleAssignments.userId))
		.where(and(eq(roleAssignments.municipalityId, municipalityId)))
		.orderBy(asc(authUsers.name))
		.limit(500);
}

export async function insertUserWithPassword(
	db: Executor,
	user: { id: string; name: string; email: string; isPlatformAdmin: boolean },
	passwordHash: string
) {
	await db.insert(authUsers).values({ ...user, emailVerified: true });
	// better-auth keeps e-mail/password sign-in as a "credential" account of the user.
	await db
		.insert(authCredentials)
		.values({ id: crypto.randomUUID(), accountId: user.id, providerId: 'credential', userId: user.id, password: passwordHash });
}

export async function deleteRoleAssignment(db: Executor, municipalityId: string, userId: string, role: Role) {
	const [deleted] = await db
		.delete(roleAssignments)
		.where(
			and(eq(roleAssignments.municipalityId, municipalityId), eq(roleAssignments.userId, userId), eq(roleAssignments.role, role))
		)
		.returning();
	return deleted;
}

export async function countAdmins(db: Executor, municipalityId: string) {
	const rows = await db
		.select({ userId: roleAssignments.userId })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.municipalityId, municipalityId), eq(roleAssignments.role, 'admin')))
		.limit(2);
	return rows.length;
}
