import { expect, test } from './fixtures';

test('after five wrong passwords for one account, the sixth sign-in is answered with 429 and a message saying when to try again', async ({ request, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	// An address no one else uses, so that the lock falls on this account only.
	const form = { email: 'geraten@example.org', password: 'falsches-passwort' };
	const statuses: number[] = [];
	let body = '';
	for (let attempt = 0; attempt < 6; attempt++) {
		const response = await request.post('/sign-in', { form, headers: { Origin: origin, Accept: 'text/html' }, maxRedirects: 0 });
		statuses.push(response.status());
		body = await response.text();
	}
	expect(statuses.slice(0, 5).every((status) => status === 400 || status === 401)).toBe(true);
	expect(statuses[5]).toBe(429);
	expect(body).toMatch(/Sekunden|Minuten/);
});
