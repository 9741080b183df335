import { translate } from '$lib/i18n';

export const sectorLabel = (sector: string) => translate(`organisations_sector_${sector}`);
export const organisationRoleLabel = (role: string) => translate(`organisations_role_${role}`);
