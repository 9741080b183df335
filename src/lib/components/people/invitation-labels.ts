import { translate } from '$lib/i18n';

export const invitationStatusLabel = (status: string) => translate(`invitations_status_${status}`);
