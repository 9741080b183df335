import { defineError } from '../shared/errors';

export const updatesStrategyNotFound = defineError('updates_strategy_not_found', 404);
// Unknown, already ended, or a confirmation that waited too long: the same answer, so a link reveals nothing.
export const updatesLinkInvalid = defineError('updates_link_invalid', 404);
