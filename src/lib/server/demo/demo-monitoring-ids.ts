// Fixed ids for one tracked measure and one indicator per demo municipality (in edition 1), so that
// tests can address their back-office pages (admin-access.spec.ts).
export const demoMonitoringIds = {
	muenster: { measure: '7a3e5c10-4b2d-4e8f-9c1a-000000000001', indicator: '7a3e5c10-4b2d-4e8f-9c1a-000000000011' },
	greven: { measure: '7a3e5c10-4b2d-4e8f-9c1a-000000000002', indicator: '7a3e5c10-4b2d-4e8f-9c1a-000000000012' }
} as const;
