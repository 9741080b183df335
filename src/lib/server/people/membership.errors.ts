import { defineError } from '../shared/errors';

export const membershipOrganisationUnknown = defineError('memberships_organisation_unknown', 400);
export const membershipAlreadyDeclared = defineError('memberships_already_declared', 409);
export const membershipNotFound = defineError('memberships_not_found', 404);
