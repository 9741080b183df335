// Fixed ids for one demo article per municipality, so that tests can address them (admin-access.spec.ts).
export const demoArticleIds = { muenster: '7e2a1d2f-9b5c-4d3f-8a4b-000000000001', greven: '7e2a1d2f-9b5c-4d3f-8a4b-000000000002' } as const;
