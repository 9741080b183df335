import sharp from 'sharp';
import { expect, it } from 'vitest';
import { readMediaUpload } from './media.http';

async function uploadRequest(fields: Record<string, string>) {
	const jpeg = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#2a6' } })
		.jpeg()
		.toBuffer();
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	form.set('file', new File([new Uint8Array(jpeg)], 'rathaus.jpg', { type: 'image/jpeg' }));
	return new Request('http://localhost/admin/stadt/media?/upload', { method: 'POST', body: form });
}

it('an upload with a licence not on the list comes back as a 400 naming the licence field with the typed values kept; the upload action returns it before storing anything', async () => {
	const result = await readMediaUpload(await uploadRequest({ altText: 'Das Rathaus am Markt', credit: 'Foto: Jana Muster', licence: 'gemeinfrei-irgendwie' }));
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.failure.status).toBe(400);
	expect(Object.keys(result.failure.data.errors)).toEqual(['licence']);
	expect(result.failure.data.errors.licence).toBeTruthy();
	expect(result.failure.data.values).toMatchObject({ altText: 'Das Rathaus am Markt', credit: 'Foto: Jana Muster', licence: 'gemeinfrei-irgendwie' });
});

it('the same image with a licence from the list and alt text is accepted as it was sent', async () => {
	const result = await readMediaUpload(await uploadRequest({ altText: 'Das Rathaus am Markt', credit: 'Foto: Jana Muster', licence: 'cc-by-4.0' }));
	expect(result.ok && { licence: result.input.licence, bytes: result.bytes.byteLength > 100 }).toEqual({ licence: 'cc-by-4.0', bytes: true });
});
