import { defineError } from '../shared/errors';

export const municipalityNotFound = defineError('tenancy_municipality_not_found', 404);
export const municipalitySlugTaken = defineError('tenancy_slug_taken', 409);
export const districtNotFound = defineError('tenancy_district_not_found', 404);
export const districtSlugTaken = defineError('tenancy_district_slug_taken', 409);
