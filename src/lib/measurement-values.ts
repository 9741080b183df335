// The measurement model's fixed vocabularies, shared by the schema, the CSV exchange and the pages.
export const measurementPeriodKinds = ['year', 'quarter', 'month', 'range'] as const;
export type MeasurementPeriodKind = (typeof measurementPeriodKinds)[number];

/** A censored value: `<` with value 5 reads "less than 5". */
export const measurementQualifiers = ['<', '<=', '>', '>='] as const;
export type MeasurementQualifier = (typeof measurementQualifiers)[number];

export const measurementFlags = ['estimate', 'provisional', 'series_break', 'suppressed'] as const;
export type MeasurementFlag = (typeof measurementFlags)[number];

/** Every dimension's explicit "all of them" member. */
export const TOTAL_MEMBER_KEY = 'total';
