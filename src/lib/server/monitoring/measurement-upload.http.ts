// Receives a measurement CSV as a stream: the multipart body goes straight into a temporary file under
// DATA_DIR/tmp, never whole into memory, and the file is refused once it passes the size limit.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { getRuntime } from '../runtime';

/** adapter-node's BODY_SIZE_LIMIT is 10 MB; larger files go through `npm run import -- measurements`. */
export const MAX_MEASUREMENT_UPLOAD_BYTES = 8 * 1024 * 1024;

export type ReceivedUpload =
	| { ok: true; fields: Record<string, string>; file: { path: string; name: string } | null; discard: () => Promise<void> }
	| { ok: false; reason: 'not_multipart' | 'too_large' | 'malformed' };

export async function receiveMeasurementUpload(request: Request, { maxBytes = MAX_MEASUREMENT_UPLOAD_BYTES, dir = path.join(getRuntime().config.dataDir, 'tmp') } = {}): Promise<ReceivedUpload> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('multipart/form-data') || !request.body) return { ok: false, reason: 'not_multipart' };
	await mkdir(dir, { recursive: true });
	const target = path.join(dir, `measurements-${randomUUID()}.csv`);
	const discard = () => rm(target, { force: true });
	const fields: Record<string, string> = {};
	let file: { path: string; name: string } | null = null;
	let tooLarge = false;
	const writes: Promise<void>[] = [];
	try {
		const parser = busboy({ headers: { 'content-type': type }, limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000 } });
		parser.on('field', (name, value) => {
			fields[name] = value;
		});
		parser.on('file', (name, stream, info) => {
			if (name !== 'file' || !info.filename) {
				stream.resume();
				return;
			}
			stream.on('limit', () => {
				tooLarge = true;
			});
			file = { path: target, name: path.basename(info.filename).slice(0, 200) };
			writes.push(pipeline(stream, createWriteStream(target)));
		});
		await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), parser);
		await Promise.all(writes);
	} catch {
		await discard();
		return { ok: false, reason: 'malformed' };
	}
	if (tooLarge) {
		await discard();
		return { ok: false, reason: 'too_large' };
	}
	return { ok: true, fields, file, discard };
}
