// Event photos: pictures facilitators publish after an event, each with alt text, credit and licence.
// Every upload is decoded and re-encoded, so no camera metadata (GPS, device, names) is ever served.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recordChange } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { MAX_INPUT_PIXELS, sniffImageType, type ImageType } from '../media/image';
import { loadSharp } from '../media/sharp';
import { isDomainError } from '../shared/errors';
import type { EventPhotoInput } from '$lib/validation/event-photo';
import {
	photoBeforeEvent,
	photoEventNotFound,
	photoLimitReached,
	photoNotFound,
	photoTooLarge,
	photoUnreadable,
	photoUnsupportedType
} from './event-photo.errors';
import { deleteEventPhotoRow, insertEventPhoto, selectEventForPhotos, selectPhotoByFileKey, selectPhotosOfEvent, type EventPhoto } from './event-photo.queries';

export { sniffImageType };

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTOS_PER_EVENT = 200;
const LARGE_SIDE = 1600;
const THUMB_SIDE = 480;
const STAFF = ['admin', 'facilitator'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_NAME = /^([0-9a-f]{32})(-thumb)?\.webp$/;

type Scope = { db: Database; actor: Actor | null; municipalityId: string };
/** Where the files live: DATA_DIR/uploads/event-photos in the app, a temporary directory in tests. */
export type PhotoStorage = { dir: string };

const filePath = (storage: PhotoStorage, municipalityId: string, fileKey: string, thumb: boolean) =>
	path.join(storage.dir, municipalityId, `${fileKey}${thumb ? '-thumb' : ''}.webp`);

async function reencode(bytes: Uint8Array, type: ImageType) {
	const sharp = await loadSharp();
	try {
		const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
		const metadata = await image.metadata();
		// The first bytes and the decoder must agree, or the file is something dressed up as an image.
		if (metadata.format !== type) throw photoUnsupportedType();
		// rotate() applies the camera's orientation before the metadata that carried it is dropped.
		const large = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
			.rotate()
			.resize({ width: LARGE_SIDE, height: LARGE_SIDE, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 82 })
			.toBuffer({ resolveWithObject: true });
		const thumb = await sharp(large.data)
			.resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 78 })
			.toBuffer({ resolveWithObject: true });
		return { large, thumb };
	} catch (error) {
		if (isDomainError(error)) throw error;
		throw photoUnreadable();
	}
}

export function photoUrls(municipalitySlug: string, photo: Pick<EventPhoto, 'eventId' | 'fileKey'>) {
	const base = `/${municipalitySlug}/events/${photo.eventId}/photos/${photo.fileKey}`;
	return { src: `${base}.webp`, thumbSrc: `${base}-thumb.webp` };
}

/** The photos of an event as everyone sees them. */
export async function listEventPhotos({ db, municipalityId, eventId }: { db: Database; municipalityId: string; eventId: string }) {
	if (!UUID.test(eventId)) return [];
	return selectPhotosOfEvent(db, municipalityId, eventId);
}

/**
 * Adds a photo to an event that has begun. Bad files are refused before anything is stored; the files
 * are written before the row and removed again if the row cannot be written, so neither exists alone.
 */
export async function uploadEventPhoto({
	db,
	actor,
	municipalityId,
	eventId,
	bytes,
	input,
	storage,
	now = new Date()
}: Scope & { eventId: string; bytes: Uint8Array; input: EventPhotoInput; storage: PhotoStorage; now?: Date }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!UUID.test(eventId)) throw photoEventNotFound();
	const event = await selectEventForPhotos(db, municipalityId, eventId);
	if (!event) throw photoEventNotFound();
	if (event.startsAt > now) throw photoBeforeEvent();
	if (bytes.byteLength > PHOTO_MAX_BYTES) throw photoTooLarge({ megabytes: PHOTO_MAX_BYTES / 1024 / 1024 });
	const type = sniffImageType(bytes);
	if (!type) throw photoUnsupportedType();
	const { large, thumb } = await reencode(bytes, type);

	const fileKey = randomBytes(16).toString('hex');
	const files = [filePath(storage, municipalityId, fileKey, false), filePath(storage, municipalityId, fileKey, true)];
	await mkdir(path.dirname(files[0]), { recursive: true });
	await writeFile(files[0], large.data);
	await writeFile(files[1], thumb.data);
	try {
		return await db.transaction(async (tx) => {
			if ((await selectPhotosOfEvent(tx, municipalityId, eventId)).length >= PHOTOS_PER_EVENT) throw photoLimitReached({ count: PHOTOS_PER_EVENT });
			const photo = await insertEventPhoto(tx, {
				municipalityId,
				eventId,
				fileKey,
				width: large.info.width,
				height: large.info.height,
				thumbWidth: thumb.info.width,
				thumbHeight: thumb.info.height,
				byteSize: large.info.size,
				altText: input.altText,
				caption: input.caption,
				credit: input.credit,
				licence: input.licence,
				uploadedByUserId: staff.userId
			});
			await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'event_photo', entityId: photo.id, after: photo });
			return photo;
		});
	} catch (error) {
		await Promise.all(files.map((file) => rm(file, { force: true })));
		throw error;
	}
}

export async function removeEventPhoto({ db, actor, municipalityId, eventId, photoId, storage }: Scope & { eventId: string; photoId: string; storage: PhotoStorage }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!UUID.test(eventId) || !UUID.test(photoId)) throw photoNotFound();
	const removed = await db.transaction(async (tx) => {
		const before = await deleteEventPhotoRow(tx, municipalityId, eventId, photoId);
		if (!before) throw photoNotFound();
		await recordChange(tx, { actor: staff, municipalityId, action: 'delete', entityType: 'event_photo', entityId: photoId, before });
		return before;
	});
	// Once the row is gone no address leads to the files; removing them afterwards cannot orphan a row.
	await Promise.all([false, true].map((thumb) => rm(filePath(storage, municipalityId, removed.fileKey, thumb), { force: true })));
}

/** A stored file for the public route: only of a photo that belongs to this event of this municipality. */
export async function readEventPhotoFile({
	db,
	municipalityId,
	eventId,
	fileName,
	storage
}: {
	db: Database;
	municipalityId: string;
	eventId: string;
	fileName: string;
	storage: PhotoStorage;
}) {
	const match = FILE_NAME.exec(fileName);
	if (!match || !UUID.test(eventId)) throw photoNotFound();
	const photo = await selectPhotoByFileKey(db, municipalityId, eventId, match[1]);
	if (!photo) throw photoNotFound();
	try {
		return { bytes: await readFile(filePath(storage, municipalityId, photo.fileKey, Boolean(match[2]))), contentType: 'image/webp' };
	} catch {
		throw photoNotFound();
	}
}
