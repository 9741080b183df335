// Platform legal pages own the install's imprint and accessibility statement, written by platform
// admins in markdown and shown with the same component as each municipality's legal pages.
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { requirePlatformAdmin, type Actor } from '../people/actor';
import { renderMarkdown } from '../participation/event.markdown';
import type { PlatformLegalPageInput } from '$lib/validation/platform-legal';
import { selectPlatformLegalPage, selectPlatformLegalPages, upsertPlatformLegalPage } from './platform-legal.queries';
import { platformLegalPageKinds, type PlatformLegalPageKind } from './platform-legal.schema';

export { platformLegalPageKinds, type PlatformLegalPageKind };

/** A page nobody has written yet is shown with a note instead of an error: the address must always work. */
export async function getPlatformLegalPage({ db, kind }: { db: Executor; kind: PlatformLegalPageKind }) {
	const row = await selectPlatformLegalPage(db, kind);
	return { kind, html: row ? renderMarkdown(row.body) : '', updatedAt: row?.updatedAt ?? null };
}

export async function getPlatformLegalAdmin({ db, actor }: { db: Executor; actor: Actor | null }) {
	requirePlatformAdmin(actor);
	const bodyOf = new Map((await selectPlatformLegalPages(db)).map((page) => [page.kind, page]));
	return platformLegalPageKinds.map((kind) => ({ kind, body: bodyOf.get(kind)?.body ?? '', updatedAt: bodyOf.get(kind)?.updatedAt ?? null }));
}

export async function savePlatformLegalPage({ db, actor, input }: { db: Database; actor: Actor | null; input: PlatformLegalPageInput }) {
	const admin = requirePlatformAdmin(actor);
	return db.transaction(async (tx) => {
		const before = await selectPlatformLegalPage(tx, input.kind);
		const after = await upsertPlatformLegalPage(tx, input.kind, input.body);
		await recordChange(tx, { actor: admin, municipalityId: null, action: before ? 'update' : 'create', entityType: 'platform_legal_page', entityId: after.id, before, after });
		return after;
	});
}
