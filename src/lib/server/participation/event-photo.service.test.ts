import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { eventPhotoSchema } from '$lib/validation/event-photo';
import { eventSchema } from '$lib/validation/events';
import { createEvent } from './event.admin';
import { listEventPhotos, PHOTO_MAX_BYTES, readEventPhotoFile, removeEventPhoto, sniffImageType, uploadEventPhoto } from './event-photo.service';

let test: TestDatabase;
let storage: { dir: string };
let stadt: string;
let dorf: string;
let pastEvent: string;
let otherPastEvent: string;
let futureEvent: string;

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});
const facilitator = () => actor('begleitung@stadt.example.org', 'stadt', 'facilitator');
const facilitatorOfDorf = () => actor('begleitung@dorf.example.org', 'dorf', 'facilitator');
const admin = () => actor('verwaltung@stadt.example.org', 'stadt', 'admin');
const participant = () => actor('teilnahme@example.org', 'stadt', 'participant');
const input = eventPhotoSchema.parse({ altText: 'Menschen an Stelltischen im Rathaus', caption: 'Werkstatt Sprache', credit: 'Amt für Integration', licence: 'cc-by-4.0' });

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);
const storedFiles = async () => (await readdir(storage.dir, { recursive: true }).catch(() => [] as string[])).filter((name) => name.endsWith('.webp'));
const upload = (bytes: Uint8Array, eventId = pastEvent, who: Actor = facilitator(), municipalityId = stadt) =>
	uploadEventPhoto({ db: test.db, actor: who, municipalityId, eventId, bytes, input, storage });

/** A camera-like JPEG: large, with an artist, a copyright line and a GPS position in its EXIF. */
const cameraJpeg = () =>
	sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 120, b: 200 } } })
		.jpeg()
		.withExif({
			IFD0: { Artist: 'Erika Geheim', Copyright: 'Privatbesitz Erika Geheim' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 57/1 42/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 37/1 30/1' }
		})
		.toBuffer();

beforeAll(async () => {
	storage = { dir: await mkdtemp(path.join(tmpdir(), 'event-photos-')) };
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'stadt', name: 'Stadt' },
			{ slug: 'dorf', name: 'Dorf' }
		],
		accounts: [
			{ email: 'begleitung@stadt.example.org', name: 'B', password, roles: [{ municipality: 'stadt', role: 'facilitator' }] },
			{ email: 'verwaltung@stadt.example.org', name: 'V', password, roles: [{ municipality: 'stadt', role: 'admin' }] },
			{ email: 'begleitung@dorf.example.org', name: 'D', password, roles: [{ municipality: 'dorf', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'T', password, roles: [{ municipality: 'stadt', role: 'participant' }] }
		]
	});
	stadt = test.ids.municipalityIds.get('stadt')!;
	dorf = test.ids.municipalityIds.get('dorf')!;
	const event = (title: string, startsAt: string, who = facilitator(), municipalityId = stadt) =>
		createEvent({ db: test.db, actor: who, municipalityId, input: eventSchema.parse({ type: 'workshop', title, startsAt, endsAt: startsAt.replace(/T\d\d/, 'T23') }) });
	pastEvent = (await event('Werkstatt Sprache', '2024-03-05T17:00')).id;
	otherPastEvent = (await event('Werkstatt Wohnen', '2024-04-05T17:00')).id;
	futureEvent = (await event('Abschlussfest', '2099-06-01T15:00')).id;
});
afterAll(async () => {
	await test.drop();
	await rm(storage.dir, { recursive: true, force: true });
});

it('a file is recognised by its content, not by its name', () => {
	expect(sniffImageType(new TextEncoder().encode('Hallo, ich bin ein Text.'))).toBeNull();
	expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
	expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
});

it('a text file named .jpg and a file over 8 MB are refused with 400, and nothing is stored', async () => {
	const text = new TextEncoder().encode('Dies ist kein Foto, auch wenn die Datei foto.jpg heißt.');
	const refusal = await upload(text).catch((error: unknown) => error);
	expect(isDomainError(refusal) && [refusal.code, refusal.status]).toEqual(['event_photos_unsupported_type', 400]);
	const oversized = new Uint8Array(PHOTO_MAX_BYTES + 1);
	oversized.set([0xff, 0xd8, 0xff, 0xe0]);
	const tooLarge = await upload(oversized).catch((error: unknown) => error);
	expect(isDomainError(tooLarge) && [tooLarge.code, tooLarge.status]).toEqual(['event_photos_too_large', 400]);
	// A JPEG header in front of rubbish is no photo either.
	expect(await codeOf(upload(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])))).toBe('event_photos_unreadable');
	expect(await listEventPhotos({ db: test.db, municipalityId: stadt, eventId: pastEvent })).toEqual([]);
	expect(await storedFiles()).toEqual([]);
});

it('a published photo carries no EXIF or GPS data and is at most 1600 px wide, with a small thumbnail', async () => {
	const original = await cameraJpeg();
	expect((await sharp(original).metadata()).exif).toBeDefined();
	const photo = await upload(original);
	expect(photo).toMatchObject({ width: 1600, height: 1067, thumbWidth: 480, altText: input.altText, licence: 'cc-by-4.0' });
	for (const fileName of [`${photo.fileKey}.webp`, `${photo.fileKey}-thumb.webp`]) {
		const { bytes, contentType } = await readEventPhotoFile({ db: test.db, municipalityId: stadt, eventId: pastEvent, fileName, storage });
		expect(contentType).toBe('image/webp');
		const metadata = await sharp(bytes).metadata();
		expect(metadata.format).toBe('webp');
		expect(metadata.exif).toBeUndefined();
		expect(metadata.xmp).toBeUndefined();
		expect(Buffer.from(bytes).includes('Erika Geheim')).toBe(false);
	}
	const { events } = await listAuditEvents({ db: test.db, actor: admin(), municipalityId: stadt });
	expect(events[0]).toMatchObject({ entityType: 'event_photo', action: 'create', entityId: photo.id });
});

it('photos are added only after an event has begun, by staff of its municipality', async () => {
	const png = await sharp({ create: { width: 64, height: 48, channels: 4, background: '#fc0' } }).png().toBuffer();
	expect(await codeOf(upload(png, futureEvent))).toBe('event_photos_before_event');
	expect(await codeOf(upload(png, pastEvent, participant()))).toBe('error_forbidden');
	expect(await codeOf(upload(png, pastEvent, facilitatorOfDorf(), stadt))).toBe('error_forbidden');
	expect(await codeOf(upload(png, pastEvent, facilitatorOfDorf(), dorf))).toBe('events_not_found');
	expect(await listEventPhotos({ db: test.db, municipalityId: stadt, eventId: pastEvent })).toHaveLength(1);
});

it('a photo is served only at its own event and municipality, and removing it deletes row and files', async () => {
	const [photo] = await listEventPhotos({ db: test.db, municipalityId: stadt, eventId: pastEvent });
	const fileName = `${photo.fileKey}.webp`;
	expect(await codeOf(readEventPhotoFile({ db: test.db, municipalityId: stadt, eventId: otherPastEvent, fileName, storage }))).toBe('event_photos_not_found');
	expect(await codeOf(readEventPhotoFile({ db: test.db, municipalityId: dorf, eventId: pastEvent, fileName, storage }))).toBe('event_photos_not_found');
	expect(await codeOf(readEventPhotoFile({ db: test.db, municipalityId: stadt, eventId: pastEvent, fileName: `../${fileName}`, storage }))).toBe('event_photos_not_found');
	expect(await codeOf(removeEventPhoto({ db: test.db, actor: facilitatorOfDorf(), municipalityId: dorf, eventId: pastEvent, photoId: photo.id, storage }))).toBe('event_photos_not_found');

	await removeEventPhoto({ db: test.db, actor: facilitator(), municipalityId: stadt, eventId: pastEvent, photoId: photo.id, storage });
	expect(await listEventPhotos({ db: test.db, municipalityId: stadt, eventId: pastEvent })).toEqual([]);
	expect(await storedFiles()).toEqual([]);
	expect(await codeOf(readEventPhotoFile({ db: test.db, municipalityId: stadt, eventId: pastEvent, fileName, storage }))).toBe('event_photos_not_found');
	const { events } = await listAuditEvents({ db: test.db, actor: admin(), municipalityId: stadt });
	expect(events[0]).toMatchObject({ entityType: 'event_photo', action: 'delete', entityId: photo.id });
});
