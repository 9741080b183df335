import { defineError } from '../shared/errors';

export const offlineCountNotFound = defineError('figures_error_offline_count_not_found', 404);
