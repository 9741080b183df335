// Fixed ids for one upcoming demo event per municipality, so that tests can address them (admin-access.spec.ts).
export const demoEventIds = { muenster: '6d1f0c1e-8a4b-4c2e-9f3a-000000000001', greven: '6d1f0c1e-8a4b-4c2e-9f3a-000000000002' } as const;
