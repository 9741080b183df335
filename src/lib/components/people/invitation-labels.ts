import { lookupMessage } from '$lib/message-lookup';

export const invitationStatusLabel = (status: string) => lookupMessage(`invitations_status_${status}`);
