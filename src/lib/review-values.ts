// Shared by the database schema, the validation and the pages, so the lists cannot drift apart.
export const reviewKinds = ['mid_term', 'final'] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export const goalRatings = ['on_track', 'at_risk', 'off_track', 'achieved'] as const;
export type GoalRating = (typeof goalRatings)[number];
