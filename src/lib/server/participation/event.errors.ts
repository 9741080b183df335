import { defineError } from '../shared/errors';

export const eventNotFound = defineError('events_not_found', 404);
export const eventRegistrationClosed = defineError('events_registration_closed', 409);
export const eventAlreadyRegistered = defineError('events_already_registered', 409);
export const eventRegistrationLinkInvalid = defineError('events_link_invalid', 404);
export const eventRegistrationLinkExpired = defineError('events_link_expired', 410);
export const eventFieldUnknown = defineError('events_field_unknown', 400);
export const workingGroupNotFound = defineError('events_working_group_not_found', 404);
export const eventDistrictUnknown = defineError('events_district_unknown', 400);
