// Writes of the monitoring domain. Facilitators and admins keep every measure's tracking and the
// indicators; owners (members of a measure's organisations) report status, progress and updates of
// their own measures. Each write checks the actor, runs in one transaction and is audited.
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { getEditionPage, listStrategiesWithEditions } from '../document/document.service';
import { notSignedIn, forbidden } from '../shared/errors';
import { requireRole, type Actor } from '../people/actor';
import { storeMediaWith, type MediaStorage } from '../media/media.service';
import type { MediaMetadataInput } from '$lib/validation/media';
import type { IndicatorInput, MeasurementInput, MeasureStatusInput, MeasureTrackingInput, ProgressUpdateInput } from '$lib/validation/monitoring';
import { indicatorNotFound, measureNotFound, subjectNotInEdition, unknownDistrict, unknownOrganisation } from './monitoring.errors';
import {
	countDistrictsIn,
	countOrganisationsIn,
	insertIndicator,
	insertProgressUpdate,
	lockTracking,
	replaceMeasureDistricts,
	replaceMeasureOrganisations,
	selectGoalWithField,
	selectIndicator,
	selectMeasureWithParents,
	selectOrganisationChoices,
	selectProgressUpdates,
	upsertTracking
} from './monitor.queries';
import { getIndicatorPage, isUuid, loadEditionMonitor, mayReportOn, untracked } from './monitoring.service';
import { listDistricts } from '../tenancy/tenancy.service';
import { declareDistrictBreakdown, nextIndicatorCode, writeMeasurements } from './measurement.service';
import { periodEndingOn } from './measurement-period';
import { selectSourceChoices } from './provenance.queries';

const STAFF = ['admin', 'facilitator'] as const;

type Scope = { db: Database; actor: Actor | null; municipalityId: string };
type EditionRef = { strategySlug: string; number: number };

/** Every edition of every strategy, for the back office's way into the monitors. */
export async function listEditionsForStaff({ db, actor, municipalityId }: Scope) {
	requireRole(actor, municipalityId, STAFF);
	return listStrategiesWithEditions({ db, municipalityId });
}

/** The back office's monitor of an edition: staff only. */
export async function getMonitorForStaff({ db, actor, municipalityId, strategySlug, number, today }: Scope & EditionRef & { today: string }) {
	requireRole(actor, municipalityId, STAFF);
	return loadEditionMonitor({ db, municipalityId, strategySlug, number, today });
}

/** The measure's tracking as the staff form shows it, with what the form offers to choose from. */
export async function getMeasureForStaff({ db, actor, municipalityId, strategySlug, number, measureId, today }: Scope & EditionRef & { measureId: string; today: string }) {
	requireRole(actor, municipalityId, STAFF);
	if (!isUuid(measureId)) throw measureNotFound();
	const monitor = await loadEditionMonitor({ db, municipalityId, strategySlug, number, today });
	const measure = monitor.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => ({ ...m, goalTitle: g.title })))).find((m) => m.id === measureId);
	if (!measure) throw measureNotFound();
	const [organisations, updates] = await Promise.all([selectOrganisationChoices(db, municipalityId), selectProgressUpdates(db, municipalityId, measureId)]);
	const t = measure.tracking;
	return {
		strategy: monitor.strategy,
		edition: monitor.edition,
		measure,
		updates,
		organisations,
		districts: monitor.districts,
		form: {
			status: t.status,
			statusReason: t.statusReason,
			progress: String(t.progress),
			weight: String(t.weight),
			plannedStart: t.plannedStart ?? '',
			plannedEnd: t.plannedEnd ?? '',
			actualStart: t.actualStart ?? '',
			actualEnd: t.actualEnd ?? '',
			responsibleOffice: t.responsibleOffice,
			budgetEuros: t.budgetEuros === null ? '' : String(t.budgetEuros),
			cityWide: t.cityWide,
			organisationIds: measure.organisations.map((o) => o.id),
			districtIds: measure.districts.map((d) => d.id)
		}
	};
}

/** The measure must belong to the edition in the address, not just to the municipality. */
async function measureInEdition(db: Executor, municipalityId: string, editionId: string, measureId: string) {
	if (!isUuid(measureId)) throw measureNotFound();
	const row = await selectMeasureWithParents(db, municipalityId, measureId);
	if (!row || row.field.editionId !== editionId) throw measureNotFound();
	return row;
}

export async function resolveEditionId({ db, municipalityId, strategySlug, number }: { db: Database; municipalityId: string } & EditionRef) {
	const page = await getEditionPage({ db, municipalityId, strategySlug, number });
	return page.edition.id;
}

export async function saveMeasureTracking({ db, actor, municipalityId, editionId, measureId, input }: Scope & { editionId: string; measureId: string; input: MeasureTrackingInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return db.transaction(async (tx) => {
		await measureInEdition(tx, municipalityId, editionId, measureId);
		const organisationIds = [...new Set(input.organisationIds)];
		const districtIds = input.cityWide ? [] : [...new Set(input.districtIds)];
		if ((await countOrganisationsIn(tx, municipalityId, organisationIds)) !== organisationIds.length) throw unknownOrganisation();
		if ((await countDistrictsIn(tx, municipalityId, districtIds)) !== districtIds.length) throw unknownDistrict();
		const before = (await lockTracking(tx, municipalityId, measureId)) ?? null;
		const after = await upsertTracking(
			tx,
			{ measureId, municipalityId, editionId },
			{
				status: input.status,
				statusReason: input.statusReason,
				progress: input.progress,
				weight: input.weight,
				plannedStart: input.plannedStart,
				plannedEnd: input.plannedEnd,
				actualStart: input.actualStart,
				actualEnd: input.actualEnd,
				responsibleOffice: input.responsibleOffice,
				cityWide: input.cityWide,
				budgetEuros: input.budgetEuros
			}
		);
		await replaceMeasureOrganisations(tx, municipalityId, measureId, organisationIds);
		await replaceMeasureDistricts(tx, municipalityId, measureId, districtIds);
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: before ? 'update' : 'create',
			entityType: 'measure_tracking',
			entityId: measureId,
			before,
			after: { ...after, organisationIds, districtIds }
		});
		return after;
	});
}

/** Staff, or the measure's owners: the one rule for the status form and for progress updates. */
async function requireReporter(db: Executor, actor: Actor | null, municipalityId: string, measureId: string): Promise<Actor> {
	if (!actor) throw notSignedIn();
	if (!(await mayReportOn(db, actor, municipalityId, measureId))) throw forbidden();
	return actor;
}

export async function updateMeasureStatus({ db, actor, municipalityId, editionId, measureId, input }: Scope & { editionId: string; measureId: string; input: MeasureStatusInput }) {
	return db.transaction(async (tx) => {
		await measureInEdition(tx, municipalityId, editionId, measureId);
		const reporter = await requireReporter(tx, actor, municipalityId, measureId);
		const before = await lockTracking(tx, municipalityId, measureId);
		const after = await upsertTracking(
			tx,
			{ measureId, municipalityId, editionId },
			before
				? { status: input.status, statusReason: input.statusReason, progress: input.progress }
				: { ...withoutUpdatedAt(untracked), status: input.status, statusReason: input.statusReason, progress: input.progress }
		);
		await recordChange(tx, {
			actor: reporter,
			municipalityId,
			action: before ? 'update' : 'create',
			entityType: 'measure_status',
			entityId: measureId,
			before: before ? { status: before.status, statusReason: before.statusReason, progress: before.progress } : null,
			after: { status: after.status, statusReason: after.statusReason, progress: after.progress }
		});
		return after;
	});
}

function withoutUpdatedAt<T extends { updatedAt: unknown }>(value: T): Omit<T, 'updatedAt'> {
	const copy: Partial<T> = { ...value };
	delete copy.updatedAt;
	return copy as Omit<T, 'updatedAt'>;
}

/** A photo sent with a progress update: the file's bytes and its description for the media library. */
export type ProgressPhoto = { bytes: Uint8Array; input: MediaMetadataInput; storage: MediaStorage };

/**
 * A dated progress update, optionally with a photo. The reporter is checked before the image is even
 * decoded; the image, its library row and the update are written together or not at all.
 */
export async function addProgressUpdate({
	db,
	actor,
	municipalityId,
	editionId,
	measureId,
	input,
	photo
}: Scope & { editionId: string; measureId: string; input: ProgressUpdateInput; photo?: ProgressPhoto }) {
	const write = async (tx: Executor, mediaId: string | null) => {
		await measureInEdition(tx, municipalityId, editionId, measureId);
		const reporter = await requireReporter(tx, actor, municipalityId, measureId);
		const update = await insertProgressUpdate(tx, { municipalityId, measureId, writtenOn: input.writtenOn, body: input.body, authorLabel: reporter.name, mediaId });
		await recordChange(tx, { actor: reporter, municipalityId, action: 'create', entityType: 'measure_progress_update', entityId: update.id, after: update });
		return update;
	};
	if (!photo) return db.transaction((tx) => write(tx, null));
	await measureInEdition(db, municipalityId, editionId, measureId);
	const reporter = await requireReporter(db, actor, municipalityId, measureId);
	return storeMediaWith({ db, actor: reporter, municipalityId, ...photo, within: (tx, asset) => write(tx, asset.id) });
}

export async function createIndicator({ db, actor, municipalityId, editionId, input }: Scope & { editionId: string; input: IndicatorInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return db.transaction(async (tx) => {
		const { kind, id } = input.subject;
		const inEdition =
			kind === 'goal'
				? (await selectGoalWithField(tx, municipalityId, id))?.field.editionId === editionId
				: (await selectMeasureWithParents(tx, municipalityId, id))?.field.editionId === editionId;
		if (!inEdition) throw subjectNotInEdition();
		const indicator = await insertIndicator(tx, {
			municipalityId,
			editionId,
			code: await nextIndicatorCode(tx, editionId),
			goalId: kind === 'goal' ? id : null,
			measureId: kind === 'measure' ? id : null,
			name: input.name,
			definition: input.definition,
			unit: input.unit,
			source: input.source,
			direction: input.direction,
			baselineValue: input.baselineValue,
			baselineDate: input.baselineDate,
			targetValue: input.targetValue,
			targetDate: input.targetDate,
			frequency: input.frequency
		});
		await declareDistrictBreakdown(tx, municipalityId, indicator.id);
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'indicator', entityId: indicator.id, after: indicator });
		return indicator;
	});
}

/** An indicator with its measurements and the districts a new measurement may name. */
export async function getIndicatorForStaffPage(scope: Scope & EditionRef & { indicatorId: string; today: string }) {
	requireRole(scope.actor, scope.municipalityId, STAFF);
	const [page, districts, sourceChoices] = await Promise.all([
		getIndicatorPage({ ...scope, staff: true }),
		listDistricts({ db: scope.db, municipalityId: scope.municipalityId }),
		selectSourceChoices(scope.db, scope.municipalityId)
	]);
	return { ...page, districts, sourceChoices };
}

export async function addMeasurement({ db, actor, municipalityId, editionId, indicatorId, input }: Scope & { editionId: string; indicatorId: string; input: MeasurementInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isUuid(indicatorId)) throw indicatorNotFound();
	return db.transaction(async (tx) => {
		const indicator = await selectIndicator(tx, municipalityId, indicatorId);
		if (!indicator || indicator.editionId !== editionId) throw indicatorNotFound();
		if (input.districtId && (await countDistrictsIn(tx, municipalityId, [input.districtId])) !== 1) throw unknownDistrict();
		const period = periodEndingOn(input.measuredOn, indicator.frequency);
		await declareDistrictBreakdown(tx, municipalityId, indicatorId);
		const [measurement] = await writeMeasurements(tx, municipalityId, [
			{
				indicatorId,
				periodKind: period.kind,
				periodStart: period.start,
				periodEnd: period.end,
				value: input.value,
				districtId: input.districtId,
				sourceNote: input.sourceNote,
				enteredBy: staff.userId
			}
		], { replace: true });
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'indicator_measurement', entityId: measurement.id, after: measurement });
		return measurement;
	});
}
