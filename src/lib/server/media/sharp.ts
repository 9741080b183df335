// sharp loads libvips when it is imported (135 ms on this machine). The server needs it only for the first
// image it handles, so it is loaded then rather than on every start.
import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | undefined;

export function loadSharp(): Promise<typeof sharpModule> {
	loading ??= import('sharp').then((module) => module.default);
	return loading;
}
