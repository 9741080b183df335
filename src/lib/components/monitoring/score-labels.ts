// The assessment's status in the reader's language, and the class that colours its badge.
import { translate } from '$lib/i18n';

export const scoreStatusLabel = (status: string) => translate(`score_status_${status}`);
