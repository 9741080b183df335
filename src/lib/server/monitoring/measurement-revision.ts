// What counts as a revision of a measurement: a change of its value, qualifier or flags. Source notes,
// units and who entered it are provenance, not the value, and are not revisions.
import type { MeasurementQualifier } from '../../measurement-values';

export type MeasurementState = {
	value: number | null;
	qualifier: MeasurementQualifier | null;
	estimate: boolean;
	provisional: boolean;
	seriesBreak: boolean;
	suppressed: boolean;
};

export function isRevision(before: MeasurementState, after: MeasurementState): boolean {
	return (
		before.value !== after.value ||
		before.qualifier !== after.qualifier ||
		before.estimate !== after.estimate ||
		before.provisional !== after.provisional ||
		before.seriesBreak !== after.seriesBreak ||
		before.suppressed !== after.suppressed
	);
}

/** The columns of a revision row for a change from `before` to `after`. */
export function revisionColumns(before: MeasurementState, after: MeasurementState) {
	return {
		oldValue: before.value,
		oldQualifier: before.qualifier,
		oldEstimate: before.estimate,
		oldProvisional: before.provisional,
		oldSeriesBreak: before.seriesBreak,
		oldSuppressed: before.suppressed,
		newValue: after.value,
		newQualifier: after.qualifier,
		newEstimate: after.estimate,
		newProvisional: after.provisional,
		newSeriesBreak: after.seriesBreak,
		newSuppressed: after.suppressed
	};
}
