// The media library: images a municipality's staff upload once and use in articles and progress updates.
// Every upload is checked by its content, decoded within a pixel limit and re-encoded into responsive
// widths and formats, so no camera metadata is ever served and browsers pick the smallest fitting file.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import type { MediaMetadataInput } from '$lib/validation/media';
import { ImageDecodeError, readImage, renderVariants, sniffImageType, variantContentTypes, type VariantFormat } from './image';
import { mediaInUse, mediaNotFound, mediaTooLarge, mediaTooManyPixels, mediaUnreadable, mediaUnsupportedType } from './media.errors';
import { deleteMediaRow, insertMedia, selectArticleUsage, selectMedia, selectMediaByFileKey, selectMediaPage, updateMediaRow, type MediaAsset } from './media.queries';

export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;
export const MEDIA_WIDTHS = [480, 960, 1600] as const;
export const MEDIA_PAGE_SIZE = 24;
/** Editors write the news, facilitators the progress updates; both need the library. */
export const MEDIA_ROLES: readonly Role[] = ['admin', 'facilitator', 'editor'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_NAME = /^([0-9a-f]{32})-(\d{1,5})\.(avif|webp|jpg)$/;

type Scope = { db: Database; actor: Actor | null; municipalityId: string };
/** Where the files live: DATA_DIR/uploads/media in the app, a temporary directory in tests. */
export type MediaStorage = { dir: string };

const fileName = (fileKey: string, width: number, format: VariantFormat) => `${fileKey}-${width}.${format}`;
const filePath = (storage: MediaStorage, municipalityId: string, name: string) => path.join(storage.dir, municipalityId, name);
const filesOf = (asset: Pick<MediaAsset, 'fileKey' | 'widths'>) =>
	asset.widths.flatMap((width) => (['avif', 'webp', 'jpg'] as const).map((format) => fileName(asset.fileKey, width, format)));

/** Public addresses of an image's files, for `<picture>`: one srcset per format, widest last. */
export function mediaSources(municipalitySlug: string, asset: Pick<MediaAsset, 'fileKey' | 'widths'>) {
	const url = (width: number, format: VariantFormat) => `/${municipalitySlug}/media/${fileName(asset.fileKey, width, format)}`;
	const srcset = (format: VariantFormat) => asset.widths.map((width) => `${url(width, format)} ${width}w`).join(', ');
	const widest = asset.widths[asset.widths.length - 1];
	return { avif: srcset('avif'), webp: srcset('webp'), jpg: srcset('jpg'), fallback: url(widest, 'jpg') };
}

const decodeError = (error: unknown) => {
	if (!(error instanceof ImageDecodeError)) return error;
	if (error.reason === 'too-many-pixels') return mediaTooManyPixels();
	if (error.reason === 'unsupported') return mediaUnsupportedType();
	return mediaUnreadable();
};

/**
 * Adds an image to the library. Bad files are refused before anything is stored; the files are written
 * before the row and removed again if the row cannot be written, so neither exists alone.
 */
export async function uploadMedia({ db, actor, municipalityId, bytes, input, storage }: Scope & { bytes: Uint8Array; input: MediaMetadataInput; storage: MediaStorage }) {
	const staff = requireRole(actor, municipalityId, MEDIA_ROLES);
	return storeMedia({ db, municipalityId, bytes, input, storage, auditActor: staff, userId: staff.userId });
}

/** The same checks and processing for images the installation itself brings (the demo's graphics). */
export async function importMediaAsSystem({ db, municipalityId, bytes, input, storage, system }: { db: Database; municipalityId: string; bytes: Uint8Array; input: MediaMetadataInput; storage: MediaStorage; system: string }) {
	return storeMedia({ db, municipalityId, bytes, input, storage, auditActor: { system }, userId: null });
}

/**
 * An image that comes with something else, e.g. a progress update's photo, stored by a caller that has
 * authorised the actor itself: `within` writes the rest in the same transaction as the image's row,
 * so either both exist or neither (and no file) does.
 */
export async function storeMediaWith<T>({
	db,
	actor,
	municipalityId,
	bytes,
	input,
	storage,
	within
}: {
	db: Database;
	actor: Actor;
	municipalityId: string;
	bytes: Uint8Array;
	input: MediaMetadataInput;
	storage: MediaStorage;
	within: (tx: Executor, asset: MediaAsset) => Promise<T>;
}): Promise<T> {
	let result: T | undefined;
	await storeMedia({ db, municipalityId, bytes, input, storage, auditActor: actor, userId: actor.userId, within: async (tx, asset) => void (result = await within(tx, asset)) });
	return result as T;
}

async function storeMedia({
	db,
	municipalityId,
	bytes,
	input,
	storage,
	auditActor,
	userId,
	within
}: {
	db: Database;
	municipalityId: string;
	bytes: Uint8Array;
	input: MediaMetadataInput;
	storage: MediaStorage;
	auditActor: Actor | { system: string };
	userId: string | null;
	within?: (tx: Executor, asset: MediaAsset) => Promise<void>;
}) {
	if (bytes.byteLength > MEDIA_MAX_BYTES) throw mediaTooLarge({ megabytes: MEDIA_MAX_BYTES / 1024 / 1024 });
	const type = sniffImageType(bytes);
	if (!type) throw mediaUnsupportedType();
	let variants: Awaited<ReturnType<typeof renderVariants>>;
	let original: { width: number; height: number };
	try {
		original = await readImage(bytes, type);
		variants = await renderVariants(bytes, original.width, MEDIA_WIDTHS);
	} catch (error) {
		throw decodeError(error);
	}
	const widths = [...new Set(variants.map((variant) => variant.width))];
	const widest = variants.filter((variant) => variant.width === widths[widths.length - 1]);

	const fileKey = randomBytes(16).toString('hex');
	const written: string[] = [];
	try {
		await mkdir(path.join(storage.dir, municipalityId), { recursive: true });
		for (const variant of variants) {
			const target = filePath(storage, municipalityId, fileName(fileKey, variant.width, variant.format));
			written.push(target);
			await writeFile(target, variant.data);
		}
		return await db.transaction(async (tx) => {
			const asset = await insertMedia(tx, {
				municipalityId,
				fileKey,
				width: widest[0].width,
				height: widest[0].height,
				widths,
				byteSize: variants.reduce((sum, variant) => sum + variant.data.byteLength, 0),
				...input,
				uploadedByUserId: userId
			});
			await recordChange(tx, { actor: auditActor, municipalityId, action: 'create', entityType: 'media', entityId: asset.id, after: asset });
			await within?.(tx, asset);
			return asset;
		});
	} catch (error) {
		await Promise.all(written.map((file) => rm(file, { force: true })));
		throw error;
	}
}

/** One page of the library, newest first, each image with the number of articles using it. */
export async function listMedia({ db, actor, municipalityId, page }: Scope & { page: number }) {
	requireRole(actor, municipalityId, MEDIA_ROLES);
	const current = Math.max(1, Math.floor(page) || 1);
	const { rows, total } = await selectMediaPage(db, municipalityId, MEDIA_PAGE_SIZE, (current - 1) * MEDIA_PAGE_SIZE);
	const usage = await selectArticleUsage(
		db,
		municipalityId,
		rows.map((row) => row.id)
	);
	return {
		items: rows.map((row) => ({ ...row, articleCount: usage.get(row.id) ?? 0 })),
		page: current,
		pageCount: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)),
		total
	};
}

export async function getMedia({ db, actor, municipalityId, mediaId }: Scope & { mediaId: string }) {
	requireRole(actor, municipalityId, MEDIA_ROLES);
	if (!UUID.test(mediaId)) throw mediaNotFound();
	const asset = await selectMedia(db, municipalityId, mediaId);
	if (!asset) throw mediaNotFound();
	const usage = await selectArticleUsage(db, municipalityId, [asset.id]);
	return { ...asset, articleCount: usage.get(asset.id) ?? 0 };
}

export async function updateMediaMetadata({ db, actor, municipalityId, mediaId, input }: Scope & { mediaId: string; input: MediaMetadataInput }) {
	const staff = requireRole(actor, municipalityId, MEDIA_ROLES);
	if (!UUID.test(mediaId)) throw mediaNotFound();
	return db.transaction(async (tx) => {
		const before = await selectMedia(tx, municipalityId, mediaId);
		if (!before) throw mediaNotFound();
		const after = await updateMediaRow(tx, municipalityId, mediaId, input);
		await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'media', entityId: mediaId, before, after });
		return after;
	});
}

/** Deletes an image no article uses any more; the database refuses it as well while a use exists. */
export async function deleteMedia({ db, actor, municipalityId, mediaId, storage }: Scope & { mediaId: string; storage: MediaStorage }) {
	const staff = requireRole(actor, municipalityId, MEDIA_ROLES);
	if (!UUID.test(mediaId)) throw mediaNotFound();
	let removed: MediaAsset;
	try {
		removed = await db.transaction(async (tx) => {
			const uses = (await selectArticleUsage(tx, municipalityId, [mediaId])).get(mediaId) ?? 0;
			if (uses > 0) throw mediaInUse({ count: uses });
			const before = await deleteMediaRow(tx, municipalityId, mediaId);
			if (!before) throw mediaNotFound();
			await recordChange(tx, { actor: staff, municipalityId, action: 'delete', entityType: 'media', entityId: mediaId, before });
			return before;
		});
	} catch (error) {
		// A use added concurrently is caught by the foreign key (23503) and means the same thing.
		if ((error as { cause?: { code?: string }; code?: string })?.cause?.code === '23503' || (error as { code?: string })?.code === '23503') throw mediaInUse({ count: 1 });
		throw error;
	}
	// Once the row is gone no address leads to the files; removing them afterwards cannot orphan a row.
	await Promise.all(filesOf(removed).map((name) => rm(filePath(storage, municipalityId, name), { force: true })));
}

/** A stored file for the public route: only of an image of this municipality, only a width it has. */
export async function readMediaFile({ db, municipalityId, name, storage }: { db: Database; municipalityId: string; name: string; storage: MediaStorage }) {
	const match = FILE_NAME.exec(name);
	if (!match) throw mediaNotFound();
	const asset = await selectMediaByFileKey(db, municipalityId, match[1]);
	if (!asset || !asset.widths.includes(Number(match[2]))) throw mediaNotFound();
	try {
		return { bytes: await readFile(filePath(storage, municipalityId, name)), contentType: variantContentTypes[match[3] as VariantFormat] };
	} catch {
		throw mediaNotFound();
	}
}
