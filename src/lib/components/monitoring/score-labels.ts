// The assessment's status in the reader's language, and the class that colours its badge.
import { lookupMessage } from '$lib/message-lookup';

export const scoreStatusLabel = (status: string) => lookupMessage(`score_status_${status}`);
