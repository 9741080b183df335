import { defineError } from '../shared/errors';

export const invitationEditionNotFound = defineError('invitations_edition_not_found', 404);
export const invitationNotFound = defineError('invitations_not_found', 404);
export const invitationLinkInvalid = defineError('invitations_link_invalid', 404);
export const invitationAlreadyAnswered = defineError('invitations_already_answered', 409);
export const invitationOrganisationUnknown = defineError('invitations_organisation_unknown', 400);
export const invitationNoContactEmail = defineError('invitations_no_contact_email', 409);
