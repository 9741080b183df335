import { lookupMessage } from '$lib/message-lookup';

export const sectorLabel = (sector: string) => lookupMessage(`organisations_sector_${sector}`);
export const organisationRoleLabel = (role: string) => lookupMessage(`organisations_role_${role}`);
