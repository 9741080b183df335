// Image decoding shared by every upload: the content decides what a file is, never its name, and
// every output is re-encoded from pixels, so no camera metadata (GPS, device, names) survives.
import type { Metadata, Sharp } from 'sharp';
import { loadSharp } from './sharp';

/** Decoding stops here: a few kilobytes can claim dimensions that would exhaust the memory. */
export const MAX_INPUT_PIXELS = 50_000_000;

export type ImageType = 'jpeg' | 'png' | 'webp';

/** The format a file really is, read from its first bytes; the name and the browser's claim count for nothing. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
	const starts = (signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
	if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
	if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
	return null;
}

export const variantFormats = ['avif', 'webp', 'jpg'] as const;
export type VariantFormat = (typeof variantFormats)[number];
export const variantContentTypes: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };

export type DecodeFailure = 'unsupported' | 'too-many-pixels' | 'unreadable';
export class ImageDecodeError extends Error {
	constructor(readonly reason: DecodeFailure) {
		super(reason);
	}
}

/** Dimensions after the camera's orientation is applied, checked against the sniffed type. */
export async function readImage(bytes: Uint8Array, type: ImageType) {
	const sharp = await loadSharp();
	let metadata: Metadata;
	try {
		metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
	} catch {
		throw new ImageDecodeError('unreadable');
	}
	// The first bytes and the decoder must agree, or the file is something dressed up as an image.
	if (metadata.format !== type) throw new ImageDecodeError('unsupported');
	if (!metadata.width || !metadata.height) throw new ImageDecodeError('unreadable');
	if (metadata.width * metadata.height > MAX_INPUT_PIXELS) throw new ImageDecodeError('too-many-pixels');
	const rotated = (metadata.orientation ?? 1) >= 5;
	return { width: rotated ? metadata.height : metadata.width, height: rotated ? metadata.width : metadata.height };
}

export type Variant = { width: number; height: number; format: VariantFormat; data: Buffer };

/**
 * Resizes into each requested width the original reaches (and the original width when it is smaller
 * than all of them), in AVIF, WebP and a JPEG fallback. Never upscales.
 */
export async function renderVariants(bytes: Uint8Array, originalWidth: number, targetWidths: readonly number[]): Promise<Variant[]> {
	const widths = targetWidths.filter((width) => width <= originalWidth);
	if (widths.length === 0 || (widths.length < targetWidths.length && originalWidth > widths[widths.length - 1])) widths.push(originalWidth);
	const variants: Variant[] = [];
	const sharp = await loadSharp();
	try {
		for (const width of widths) {
			// rotate() applies the camera's orientation before the metadata that carried it is dropped.
			const base = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().resize({ width, withoutEnlargement: true });
			const encoders: Record<VariantFormat, (image: Sharp) => Sharp> = {
				avif: (image) => image.avif({ quality: 55, effort: 2 }),
				webp: (image) => image.webp({ quality: 80 }),
				jpg: (image) => image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
			};
			for (const format of variantFormats) {
				const { data, info } = await encoders[format](base.clone()).toBuffer({ resolveWithObject: true });
				variants.push({ width: info.width, height: info.height, format, data });
			}
		}
	} catch {
		throw new ImageDecodeError('unreadable');
	}
	return variants;
}
