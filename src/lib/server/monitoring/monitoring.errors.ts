import { defineError } from '../shared/errors';

export const measureNotFound = defineError('monitoring_measure_not_found', 404);
export const indicatorNotFound = defineError('monitoring_indicator_not_found', 404);
export const districtNotFound = defineError('monitoring_district_not_found', 404);
export const subjectNotInEdition = defineError('monitoring_subject_not_in_edition', 400);
export const unknownOrganisation = defineError('monitoring_organisation_unknown', 400);
export const unknownDistrict = defineError('monitoring_district_unknown', 400);
export const sourceNotFound = defineError('monitoring_source_not_found', 404);
export const sourceKeyTaken = defineError('monitoring_source_key_taken', 409);
export const unknownSource = defineError('monitoring_source_unknown', 400);
