import { error } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { exportAccountData } from '$lib/server/people/account.service';
import { getDb } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.actor) error(401, { code: 'error_not_signed_in', message: translate('error_not_signed_in') });
	const data = await exportAccountData({ db: getDb(), actor: locals.actor });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="leitbild-meine-daten-${data.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
