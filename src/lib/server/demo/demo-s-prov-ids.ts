// Fixed id of a demo source, so that tests can address its back-office page.
export const demoSourceIds = { muenster: '5b0c7e2a-91d4-4f3b-8a6e-50f0000000a1' } as const;
