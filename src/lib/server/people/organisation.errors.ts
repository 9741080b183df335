import { defineError } from '../shared/errors';

export const organisationNotFound = defineError('organisations_not_found', 404);
export const organisationNameTaken = defineError('organisations_name_taken', 409);
export const districtNotInMunicipality = defineError('organisations_district_unknown', 400);
export const personEmailTaken = defineError('organisations_person_email_taken', 409);
