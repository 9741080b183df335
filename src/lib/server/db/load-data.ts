import { randomUUID } from 'node:crypto';
import { hashPassword } from '../people/password-hash';
import { eq } from 'drizzle-orm';
import { BoundedMemo } from '../shared/bounded-memo';
import { slugify } from '../shared/slug';
import type { Database, Executor } from './client';
import { dataDescriptionSchema, type DataDescription } from './data-description';
import * as t from './schema';

type ContactInput = { office: string } & Partial<Omit<typeof t.contactPoints.$inferInsert, 'municipalityId'>>;

async function insertContact(tx: Executor, municipalityId: string, contact: ContactInput | undefined) {
	if (!contact) return null;
	const [row] = await tx
		.insert(t.contactPoints)
		.values({ ...contact, municipalityId })
		.returning({ id: t.contactPoints.id });
	return row.id;
}

// Descriptions hold fixtures: the tests', the demo's and the scale data's, whose accounts share a few known
// passwords (the demo lists its own on the sign-in page). A scrypt hash costs about 120 ms of CPU, and one hash
// verifies its password for every account that has it, so each password is hashed once per process: the test
// runs loaded 206 accounts with 34 passwords. Real accounts never come from a description (npm run admin and the
// registration hash their own).
const fixturePasswordHashes = new BoundedMemo<string>(256);

/** Writes a data description in one transaction: all of it or nothing. Returns the ids by slug. */
export async function loadDataDescription(db: Database, input: DataDescription) {
	const data = dataDescriptionSchema.parse(input);
	// Hashed before the transaction, and side by side on libuv's threads, rather than one by one inside it.
	const passwords = [...new Set(data.accounts.map((account) => account.password))];
	const passwordHashes = new Map(await Promise.all(passwords.map(async (password) => [password, await fixturePasswordHashes.get(password, () => hashPassword(password))] as const)));
	return db.transaction(async (tx) => {
		const regionIds = new Map<string, string>();
		for (const region of data.regions) {
			const [row] = await tx.insert(t.regions).values(region).returning({ id: t.regions.id });
			regionIds.set(region.slug, row.id);
		}
		const municipalityIds = new Map<string, string>();
		for (const m of data.municipalities) {
			const [row] = await tx
				.insert(t.municipalities)
				.values({
					slug: m.slug,
					name: m.name,
					regionId: m.region ? regionIds.get(m.region) : undefined,
					timeZone: m.timeZone,
					description: m.description,
					isDemo: m.isDemo,
					firstWeekday: m.firstWeekday ?? null
				})
				.returning({ id: t.municipalities.id });
			const municipalityId = row.id;
			municipalityIds.set(m.slug, municipalityId);
			const contactPointId = await insertContact(tx, municipalityId, m.contact);
			if (contactPointId) {
				await tx.update(t.municipalities).set({ contactPointId }).where(eq(t.municipalities.id, municipalityId));
			}
			if (m.districts.length > 0) {
				await tx.insert(t.districts).values(
					m.districts.map((name, position) => ({ municipalityId, name, slug: slugify(name), position }))
				);
			}
			for (const [strategyPosition, s] of m.strategies.entries()) {
				const [strategy] = await tx
					.insert(t.strategies)
					.values({ municipalityId, slug: s.slug, title: s.title, summary: s.summary, position: strategyPosition })
					.returning({ id: t.strategies.id });
				for (const e of s.editions) {
					const editionContactId = await insertContact(tx, municipalityId, e.contact);
					const [edition] = await tx
						.insert(t.editions)
						.values({
							municipalityId,
							strategyId: strategy.id,
							number: e.number,
							periodStart: e.periodStart,
							periodEnd: e.periodEnd,
							stage: e.stage,
							summary: e.summary,
							contactPointId: editionContactId ?? contactPointId
						})
						.returning({ id: t.editions.id });
					if (e.stages.length > 0) {
						await tx
							.insert(t.editionStageDates)
							.values(e.stages.map((stage) => ({ ...stage, municipalityId, editionId: edition.id })));
					}
					for (const [fieldPosition, f] of e.fields.entries()) {
						const [fieldRow] = await tx
							.insert(t.fields)
							.values({
								municipalityId,
								editionId: edition.id,
								title: f.title,
								description: f.description,
								isFocus: f.isFocus,
								position: fieldPosition,
								lineageId: randomUUID()
							})
							.returning({ id: t.fields.id });
						for (const [goalPosition, g] of f.goals.entries()) {
							const [goalRow] = await tx
								.insert(t.goals)
								.values({
									municipalityId,
									fieldId: fieldRow.id,
									title: g.title,
									description: g.description,
									position: goalPosition
								})
								.returning({ id: t.goals.id });
							if (g.measures.length > 0) {
								await tx.insert(t.measures).values(
									g.measures.map((measure, position) => ({
										municipalityId,
										goalId: goalRow.id,
										title: measure.title,
										description: measure.description,
										position
									}))
								);
							}
						}
					}
				}
			}
		}
		const accountIds = new Map<string, string>();
		for (const a of data.accounts) {
			const userId = randomUUID();
			await tx.insert(t.authUsers).values({
				id: userId,
				name: a.name,
				email: a.email.toLowerCase(),
				emailVerified: true,
				isPlatformAdmin: a.isPlatformAdmin
			});
			await tx.insert(t.authCredentials).values({
				id: randomUUID(),
				accountId: userId,
				providerId: 'credential',
				userId,
				password: passwordHashes.get(a.password)!
			});
			for (const assignment of a.roles) {
				const municipalityId = municipalityIds.get(assignment.municipality);
				if (!municipalityId) throw new Error(`account ${a.email}: unknown municipality ${assignment.municipality}`);
				await tx.insert(t.roleAssignments).values({ municipalityId, userId, role: assignment.role });
			}
			accountIds.set(a.email, userId);
		}
		return { regionIds, municipalityIds, accountIds };
	});
}
