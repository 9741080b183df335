import { error } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { loadOrError } from '$lib/server/http/respond';
import { listOutbox, readOutboxMessage } from '$lib/server/mail/mail.service';
import { plainTextOf } from '$lib/server/mail/mail.text';
import { requirePlatformAdmin } from '$lib/server/people/actor';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

// The outbox holds mails to every municipality's residents, so only platform admins may read it.
export const load: PageServerLoad = async ({ locals, url }) =>
	loadOrError(async () => {
		requirePlatformAdmin(locals.actor);
		const { outboxDir } = getRuntime().config;
		const file = url.searchParams.get('message');
		if (!file) return { messages: await listOutbox(outboxDir), message: null };
		const raw = await readOutboxMessage(outboxDir, file);
		if (raw === undefined) error(404, { code: 'error_not_found', message: translate('error_not_found') });
		const entry = (await listOutbox(outboxDir, 500)).find((candidate) => candidate.file === file);
		return {
			messages: [],
			message: { file, to: entry?.to ?? '', subject: entry?.subject ?? file, date: entry?.date ?? null, text: plainTextOf(raw) }
		};
	});
