import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { eventPhotos } from './event-photo.schema';
import { events } from './event.schema';

export type EventPhoto = typeof eventPhotos.$inferSelect;

const PHOTOS_PER_EVENT = 200;

export async function selectEventForPhotos(db: Executor, municipalityId: string, eventId: string) {
	const [row] = await db
		.select({ id: events.id, startsAt: events.startsAt, title: events.title })
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId)))
		.limit(1);
	return row;
}

export async function selectPhotosOfEvent(db: Executor, municipalityId: string, eventId: string) {
	return db
		.select()
		.from(eventPhotos)
		.where(and(eq(eventPhotos.municipalityId, municipalityId), eq(eventPhotos.eventId, eventId)))
		.orderBy(asc(eventPhotos.createdAt), asc(eventPhotos.id))
		.limit(PHOTOS_PER_EVENT);
}

export async function selectPhotoByFileKey(db: Executor, municipalityId: string, eventId: string, fileKey: string) {
	const [row] = await db
		.select()
		.from(eventPhotos)
		.where(and(eq(eventPhotos.municipalityId, municipalityId), eq(eventPhotos.eventId, eventId), eq(eventPhotos.fileKey, fileKey)))
		.limit(1);
	return row;
}

export async function insertEventPhoto(tx: Executor, values: typeof eventPhotos.$inferInsert) {
	const [row] = await tx.insert(eventPhotos).values(values).returning();
	return row;
}

export async function deleteEventPhotoRow(tx: Executor, municipalityId: string, eventId: string, photoId: string) {
	const [row] = await tx
		.delete(eventPhotos)
		.where(and(eq(eventPhotos.municipalityId, municipalityId), eq(eventPhotos.eventId, eventId), eq(eventPhotos.id, photoId)))
		.returning();
	return row;
}
