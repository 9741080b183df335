import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { articles } from '../news/news.schema';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { mediaMetadataSchema } from '$lib/validation/media';
import { articleLeadImages } from './media.schema';
import { deleteMedia, listMedia, MEDIA_MAX_BYTES, mediaSources, readMediaFile, updateMediaMetadata, uploadMedia } from './media.service';

let test: TestDatabase;
let storage: { dir: string };
let stadt: string;
let dorf: string;

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});
const editor = () => actor('redaktion@stadt.example.org', 'stadt', 'editor');
const facilitator = () => actor('begleitung@stadt.example.org', 'stadt', 'facilitator');
const adminOfDorf = () => actor('verwaltung@dorf.example.org', 'dorf', 'admin');
const participant = () => actor('teilnahme@example.org', 'stadt', 'participant');
const input = mediaMetadataSchema.parse({ altText: 'Menschen an Stehtischen im Rathaus', caption: 'Werkstatt Sprache', credit: 'Foto: Lena Beispiel, Amt für Integration', licence: 'cc-by-4.0' });

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? [error.code, error.status] : Promise.reject(error))
	);
const storedFiles = async () => (await readdir(storage.dir, { recursive: true }).catch(() => [] as string[])).filter((name) => /\.(avif|webp|jpg)$/.test(name));
const upload = (bytes: Uint8Array, who: Actor = editor(), municipalityId = stadt) => uploadMedia({ db: test.db, actor: who, municipalityId, bytes, input, storage });
const rowCount = async () => (await listMedia({ db: test.db, actor: editor(), municipalityId: stadt, page: 1 })).total;

/** A camera-like JPEG: large, with an artist, a copyright line and a GPS position in its EXIF. */
const cameraJpeg = () =>
	sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 40, g: 120, b: 200 } } })
		.jpeg()
		.withExif({
			IFD0: { Artist: 'Erika Geheim', Copyright: 'Privatbesitz Erika Geheim' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 57/1 42/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 37/1 30/1' }
		})
		.toBuffer();

beforeAll(async () => {
	storage = { dir: await mkdtemp(path.join(tmpdir(), 'media-')) };
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'stadt', name: 'Stadt' },
			{ slug: 'dorf', name: 'Dorf' }
		],
		accounts: [
			{ email: 'redaktion@stadt.example.org', name: 'R', password, roles: [{ municipality: 'stadt', role: 'editor' }] },
			{ email: 'begleitung@stadt.example.org', name: 'B', password, roles: [{ municipality: 'stadt', role: 'facilitator' }] },
			{ email: 'verwaltung@dorf.example.org', name: 'D', password, roles: [{ municipality: 'dorf', role: 'admin' }] },
			{ email: 'teilnahme@example.org', name: 'T', password, roles: [{ municipality: 'stadt', role: 'participant' }] }
		]
	});
	stadt = test.ids.municipalityIds.get('stadt')!;
	dorf = test.ids.municipalityIds.get('dorf')!;
});
afterAll(async () => {
	await test.drop();
	await rm(storage.dir, { recursive: true, force: true });
});

it('a text file named .jpg, a file over the size limit and a JPEG header before rubbish are refused with 400, and nothing is stored', async () => {
	expect(await codeOf(upload(new TextEncoder().encode('Dies ist kein Foto, auch wenn die Datei foto.jpg heißt.')))).toEqual(['media_unsupported_type', 400]);
	const oversized = new Uint8Array(MEDIA_MAX_BYTES + 1);
	oversized.set([0xff, 0xd8, 0xff, 0xe0]);
	expect(await codeOf(upload(oversized))).toEqual(['media_too_large', 400]);
	expect(await codeOf(upload(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])))).toEqual(['media_unreadable', 400]);
	// PNG signature, but the decoder finds a JPEG: the first bytes and the content must agree.
	const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).jpeg().toBuffer();
	const disguised = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpeg]);
	expect((await codeOf(upload(disguised)))?.[1]).toBe(400);
	expect(await rowCount()).toBe(0);
	expect(await storedFiles()).toEqual([]);
});

it('an image claiming more pixels than the limit is refused before it is decoded (decompression bomb)', async () => {
	// A single-colour PNG compresses to a few kilobytes however large it claims to be.
	const bomb = await sharp({ create: { width: 10_000, height: 5_001, channels: 3, background: '#000' } })
		.png({ compressionLevel: 9 })
		.toBuffer();
	expect(bomb.byteLength).toBeLessThan(MEDIA_MAX_BYTES);
	expect(await codeOf(upload(bomb))).toEqual(['media_too_many_pixels', 400]);
	expect(await rowCount()).toBe(0);
	expect(await storedFiles()).toEqual([]);
});

it('missing alt text and an unknown licence are field errors; a decorative image needs no alt text', () => {
	const missingAlt = mediaMetadataSchema.safeParse({ altText: '  ', licence: 'cc0-1.0' });
	expect(missingAlt.success ? [] : missingAlt.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['altText', 'validation_media_alt_required']]);
	const unknownLicence = mediaMetadataSchema.safeParse({ altText: 'Ein Bild', licence: 'public-domain-ish' });
	expect(unknownLicence.success ? [] : unknownLicence.error.issues.map((issue) => issue.path.join('.'))).toEqual(['licence']);
	expect(mediaMetadataSchema.parse({ altText: 'wird verworfen', decorative: 'on', licence: 'cc0-1.0' })).toMatchObject({ decorative: true, altText: '' });
});

it('an upload is stored in 480, 960 and 1600 px as AVIF, WebP and JPEG, without any EXIF or GPS data, and audited', async () => {
	const original = await cameraJpeg();
	expect((await sharp(original).metadata()).exif).toBeDefined();
	const asset = await upload(original);
	expect(asset).toMatchObject({ width: 1600, height: 1067, widths: [480, 960, 1600], altText: input.altText, licence: 'cc-by-4.0' });
	expect((await storedFiles()).length).toBe(9);
	for (const width of asset.widths) {
		for (const [format, type] of [
			['avif', 'heif'],
			['webp', 'webp'],
			['jpg', 'jpeg']
		] as const) {
			const { bytes, contentType } = await readMediaFile({ db: test.db, municipalityId: stadt, name: `${asset.fileKey}-${width}.${format}`, storage });
			const metadata = await sharp(bytes).metadata();
			expect([metadata.format, metadata.width, contentType.startsWith('image/')]).toEqual([type, width, true]);
			expect(metadata.exif).toBeUndefined();
			expect(bytes.includes(Buffer.from('Erika Geheim'))).toBe(false);
		}
	}
	const sources = mediaSources('stadt', asset);
	expect(sources.webp).toBe(`/stadt/media/${asset.fileKey}-480.webp 480w, /stadt/media/${asset.fileKey}-960.webp 960w, /stadt/media/${asset.fileKey}-1600.webp 1600w`);
	const audit = await test.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'media'), eq(auditEvents.entityId, asset.id)));
	expect(audit.map((entry) => entry.action)).toEqual(['create']);
});

it('a small image is never upscaled: it gets only its own width', async () => {
	const small = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
		.png()
		.toBuffer();
	const asset = await upload(small, facilitator());
	expect(asset.widths).toEqual([300]);
	await deleteMedia({ db: test.db, actor: editor(), municipalityId: stadt, mediaId: asset.id, storage });
});

it('participants and staff of another municipality may neither upload nor list, edit or delete, nor read its files', async () => {
	const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#0a0' } })
		.png()
		.toBuffer();
	expect(await codeOf(upload(png, participant()))).toEqual(['error_forbidden', 403]);
	expect(await codeOf(upload(png, adminOfDorf()))).toEqual(['error_forbidden', 403]);
	expect(await codeOf(upload(png, null as unknown as Actor))).toEqual(['error_not_signed_in', 401]);
	const asset = await upload(png);
	expect(await codeOf(listMedia({ db: test.db, actor: adminOfDorf(), municipalityId: stadt, page: 1 }))).toEqual(['error_forbidden', 403]);
	expect(await codeOf(updateMediaMetadata({ db: test.db, actor: participant(), municipalityId: stadt, mediaId: asset.id, input }))).toEqual(['error_forbidden', 403]);
	expect(await codeOf(deleteMedia({ db: test.db, actor: adminOfDorf(), municipalityId: dorf, mediaId: asset.id, storage }))).toEqual(['media_not_found', 404]);
	expect(await codeOf(readMediaFile({ db: test.db, municipalityId: dorf, name: `${asset.fileKey}-20.jpg`, storage }))).toEqual(['media_not_found', 404]);
	expect(await codeOf(readMediaFile({ db: test.db, municipalityId: stadt, name: `../${asset.fileKey}-20.jpg`, storage }))).toEqual(['media_not_found', 404]);
	await deleteMedia({ db: test.db, actor: editor(), municipalityId: stadt, mediaId: asset.id, storage });
});

it('the library shows how many articles use an image, and an image in use cannot be deleted', async () => {
	const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
		.png()
		.toBuffer();
	const asset = await upload(png);
	const [first, second] = await test.db
		.insert(articles)
		.values([
			{ municipalityId: stadt, slug: 'eins', title: 'Eins' },
			{ municipalityId: stadt, slug: 'zwei', title: 'Zwei' }
		])
		.returning();
	await test.db.insert(articleLeadImages).values([first, second].map((article) => ({ articleId: article.id, municipalityId: stadt, mediaId: asset.id })));
	const library = await listMedia({ db: test.db, actor: facilitator(), municipalityId: stadt, page: 1 });
	expect(library.items.find((item) => item.id === asset.id)?.articleCount).toBe(2);
	expect(await codeOf(deleteMedia({ db: test.db, actor: editor(), municipalityId: stadt, mediaId: asset.id, storage }))).toEqual(['media_in_use', 409]);
	const updated = await updateMediaMetadata({ db: test.db, actor: editor(), municipalityId: stadt, mediaId: asset.id, input: { ...input, credit: 'Foto: Ada Muster, Presseamt' } });
	expect(updated.credit).toBe('Foto: Ada Muster, Presseamt');
	await test.db.delete(articles);
	await deleteMedia({ db: test.db, actor: editor(), municipalityId: stadt, mediaId: asset.id, storage });
	expect(await storedFiles()).toHaveLength(9);
});
