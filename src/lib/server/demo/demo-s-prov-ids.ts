// Fixed ids of one demo source per municipality, so that tests can address their back-office pages.
export const demoSourceIds = { muenster: '5b0c7e2a-91d4-4f3b-8a6e-50f0000000a1', greven: '5b0c7e2a-91d4-4f3b-8a6e-50f0000000a2' } as const;
