import { json } from '@sveltejs/kit';
import { databaseAnswers } from '$lib/server/db/boot';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const healthy = await databaseAnswers(getRuntime().database);
	return json(
		{ status: healthy ? 'ok' : 'error', db: healthy ? 'ok' : 'error' },
		{ status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
