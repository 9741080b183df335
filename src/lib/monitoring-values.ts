// The monitor's fixed vocabularies, shared by the database schema, validation and the pages.
export const measureStatuses = ['planned', 'in_progress', 'done', 'delayed', 'paused', 'dropped'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];
/** Statuses the public must be told the reason for. */
export const statusesNeedingReason: readonly MeasureStatus[] = ['delayed', 'dropped'];

export const indicatorDirections = ['higher_is_better', 'lower_is_better'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

export const indicatorFrequencies = ['monthly', 'quarterly', 'yearly'] as const;
export type IndicatorFrequency = (typeof indicatorFrequencies)[number];
