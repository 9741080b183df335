// The annual report of an edition: one PDF per reporting year with the measures' status, the
// indicators up to the end of that year and the latest published review. Generating it takes a while,
// so each file is kept on disk under a hash of everything it shows: any change to the edition's
// monitoring data gives a new hash, and the next download generates the report anew.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as m from '$lib/paraglide/messages';
import { chartGeometry } from '$lib/components/monitoring/chart-geometry';
import { staleReasonText } from '$lib/components/monitoring/staleness-text';
import { formatCalendarDate } from '$lib/date-format';
import { calendarDayIn, calendarYearIn } from '../calendar-day';
import type { Database } from '../db/client';
import { defineError } from '../shared/errors';
import { summariseIndicator } from './monitor.math';
import { loadEditionMonitor, type IndicatorView } from './monitoring.service';
import { getPublishedReview, listPublishedReviews } from './review.service';
import type { ReportMeasurement } from './report.queries';
import { annualReportValues } from './snapshot.service';
import type { GoalRating } from './review.schema';
import type { MeasureStatus } from './monitoring.schema';
import { writeAnnualReportPdf, type AnnualReport, type ReportIndicator } from './export/report-pdf';

export const annualReportYearNotFound = defineError('monitoring_annual_report_year_not_found', 404);

/** Where generated reports are kept, and where the bundled fonts are. */
export type ReportStorage = { cacheDir: string; fontDir: string };

type Municipality = { id: string; name: string; timeZone: string };

// Like the council submission, the report is a German document, whatever language the reader uses.
const de = { locale: 'de' } as const;
const statuses: MeasureStatus[] = ['planned', 'in_progress', 'done', 'delayed', 'paused', 'dropped'];
const ratings: GoalRating[] = ['achieved', 'on_track', 'at_risk', 'off_track'];

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const wholeFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const dateDe = (iso: string) => formatCalendarDate('de', iso, { dateStyle: 'long' });
const statusLabel = (status: MeasureStatus) => (m as unknown as Record<string, (i: object, o: typeof de) => string>)[`monitoring_status_${status}`]({}, de);
const ratingLabel = (rating: GoalRating) => (m as unknown as Record<string, (i: object, o: typeof de) => string>)[`review_rating_${rating}`]({}, de);

function formatValue(value: number, unit: string): string {
	if (!unit) return numberFormat.format(value);
	return unit === '%' ? `${numberFormat.format(value)}\u00a0%` : `${numberFormat.format(value)}\u00a0${unit}`;
}

/** The years an edition has reports for: from the first year of its period up to the current one. */
export function reportYears(edition: { periodStart: number; periodEnd: number }, currentYear: number): number[] {
	const years: number[] = [];
	for (let year = edition.periodStart; year <= Math.min(edition.periodEnd, currentYear); year++) years.push(year);
	return years;
}

type IndicatorStanding = 'reached' | 'on_way' | 'off_way' | 'no_values';

/** The indicator as it stood at the end of the reporting year, in the words of the public monitor. */
function standingAtYearEnd(indicator: IndicatorView, values: ReportMeasurement[]): { standing: IndicatorStanding; summary: string } {
	const latest = values.at(-1);
	if (!latest) return { standing: 'no_values', summary: m.monitoring_summary_none({}, de) };
	const summary = summariseIndicator({ direction: indicator.direction, baseline: indicator.baselineValue, target: indicator.targetValue, latest: latest.value });
	const change =
		summary.changePercent === null || summary.changePercent === 0
			? m.monitoring_summary_level({}, de)
			: summary.changePercent > 0
				? m.monitoring_summary_above({ percent: oneDecimal.format(summary.changePercent) }, de)
				: m.monitoring_summary_below({ percent: oneDecimal.format(-summary.changePercent) }, de);
	const share = summary.targetReached
		? m.monitoring_summary_reached({}, de)
		: summary.shareOfWay === null
			? ''
			: summary.shareOfWay >= 0
				? m.monitoring_summary_share({ percent: wholeFormat.format(summary.shareOfWay) }, de)
				: m.monitoring_summary_away({ percent: wholeFormat.format(-summary.shareOfWay) }, de);
	const sentence = m.monitoring_summary_sentence({ date: dateDe(latest.measuredOn), value: formatValue(latest.value, indicator.unit), change, share }, de).replace(', .', '.');
	const trend = summary.trend === 'better' ? m.monitoring_summary_better({}, de) : summary.trend === 'worse' ? m.monitoring_summary_worse({}, de) : '';
	const standing: IndicatorStanding = summary.targetReached ? 'reached' : summary.trend === 'better' ? 'on_way' : 'off_way';
	return { standing, summary: trend ? `${sentence} ${trend}` : sentence };
}

const progressText = (progress: number | null) => (progress === null ? m.monitoring_progress_none({}, de) : m.monitoring_progress_label({ percent: progress }, de));

/** Everything the report shows, without the day it is generated on (which must not change the cache key). */
async function loadAnnualReport(db: Database, municipality: Municipality, strategySlug: string, number: number, year: number, now: Date): Promise<{ editionId: string; strategySlug: string; report: AnnualReport }> {
	const today = calendarDayIn(municipality.timeZone, now);
	const monitor = await loadEditionMonitor({ db, municipalityId: municipality.id, strategySlug, number, today });
	const { edition, strategy } = monitor;
	if (!reportYears(edition, calendarYearIn(municipality.timeZone, now)).includes(year)) throw annualReportYearNotFound({ year });

	const [values, published] = await Promise.all([
		annualReportValues(db, municipality.id, edition.id, monitor.indicators.map((indicator) => indicator.id), year),
		listPublishedReviews({ db, municipalityId: municipality.id, editionId: edition.id })
	]);
	const latestReview = published[0] ? await getPublishedReview({ db, municipalityId: municipality.id, editionId: edition.id, reviewId: published[0].id }) : null;
	const ratingOf = new Map((latestReview?.goals ?? []).map((goal) => [goal.id, goal]));
	const valuesOf = new Map<string, ReportMeasurement[]>();
	for (const row of values) valuesOf.set(row.indicatorId, [...(valuesOf.get(row.indicatorId) ?? []), row]);

	const standings = new Map<IndicatorStanding, number>();
	const reportIndicator = (indicator: IndicatorView, subject: string): ReportIndicator => {
		const rows = valuesOf.get(indicator.id) ?? [];
		const { standing, summary } = standingAtYearEnd(indicator, rows);
		standings.set(standing, (standings.get(standing) ?? 0) + 1);
		return {
			name: indicator.name,
			subject,
			summary,
			// Judged on the day of generation, like the monitor; the sentence names only fixed dates, so the cache key stays put.
			stale: indicator.staleness.stale ? m.monitoring_annual_report_stale({ reason: staleReasonText(indicator.staleness, dateDe, de) }, de) : '',
			baselineLabel: `${m.monitoring_chart_baseline({}, de)}: ${m.monitoring_value_at({ value: formatValue(indicator.baselineValue, indicator.unit), date: dateDe(indicator.baselineDate) }, de)}`,
			targetLabel: `${m.monitoring_chart_target({}, de)}: ${m.monitoring_value_at({ value: formatValue(indicator.targetValue, indicator.unit), date: dateDe(indicator.targetDate) }, de)}`,
			axisLabel: indicator.unit ? m.monitoring_chart_axis_value({ unit: indicator.unit }, de) : m.monitoring_chart_axis_value_plain({}, de),
			chart: chartGeometry({
				baseline: { value: indicator.baselineValue, date: indicator.baselineDate },
				target: { value: indicator.targetValue, date: indicator.targetDate },
				measurements: rows.map((row) => ({ measuredOn: row.measuredOn, value: row.value, seriesKey: '', seriesName: null }))
			})
		};
	};

	const statusCounts = new Map<MeasureStatus, number>();
	const fields = monitor.fields.map((field) => {
		const measures = field.goals.flatMap((goal) => goal.measures);
		for (const measure of measures) statusCounts.set(measure.tracking.status, (statusCounts.get(measure.tracking.status) ?? 0) + 1);
		return {
			title: `${field.number} ${field.title}`,
			progress: progressText(field.progress),
			goals: field.goals.map((goal) => ({ title: `${goal.number} ${goal.title}`, progress: progressText(goal.progress) })),
			measures: measures.map((measure) => ({
				title: `${measure.number} ${measure.title}`,
				owner: [measure.tracking.responsibleOffice, ...measure.organisations.map((organisation) => organisation.name)].filter((part) => part.length > 0).join(', '),
				districts: measure.tracking.cityWide ? m.monitoring_city_wide({}, de) : measure.districts.map((district) => district.name).join(', '),
				status: statusLabel(measure.tracking.status),
				progress: `${measure.tracking.progress}\u00a0%`
			})),
			indicators: field.goals.flatMap((goal) => [
				...goal.indicators.map((indicator) => reportIndicator(indicator, `${m.monitoring_label_goal({}, de)} ${goal.number}`)),
				...goal.measures.flatMap((measure) => measure.indicators.map((indicator) => reportIndicator(indicator, m.monitoring_admin_subject_measure({ number: measure.number, title: measure.title }, de))))
			]),
			findings: field.goals.flatMap((goal) => {
				const rated = ratingOf.get(goal.id);
				return rated ? [{ goal: `${goal.number} ${goal.title}`, rating: ratingLabel(rated.rating), findings: rated.findings }] : [];
			})
		};
	});
	const measureTotal = fields.reduce((sum, field) => sum + field.measures.length, 0);
	const report: AnnualReport = {
		municipalityName: municipality.name,
		strategyTitle: strategy.title,
		year,
		generatedOn: '',
		labels: {
			kind: m.monitoring_annual_report_kind({}, de),
			edition: m.edition_name({ number: edition.number }, de),
			period: m.edition_period({ start: edition.periodStart, end: edition.periodEnd }, de),
			year: m.monitoring_annual_report_year({ year }, de),
			summary: m.monitoring_annual_report_summary({}, de),
			measuresByStatus: m.monitoring_status_counts_heading({}, de),
			indicatorsHeading: m.monitoring_annual_report_indicators_heading({}, de),
			reviewHeading: latestReview
				? m.monitoring_annual_report_review_heading({ title: latestReview.review.title, date: dateDe(latestReview.review.reviewedOn) }, de)
				: m.review_public_title({}, de),
			noReview: m.monitoring_annual_report_no_review({}, de),
			goals: m.monitoring_annual_report_goals_heading({}, de),
			measures: m.monitoring_annual_report_measures_heading({}, de),
			noMeasures: m.monitoring_annual_report_no_measures({}, de),
			indicators: m.monitoring_indicators_heading({}, de),
			findings: m.monitoring_annual_report_findings_heading({}, de),
			noFindings: m.monitoring_annual_report_no_findings({}, de),
			axisTime: m.monitoring_chart_axis_time({}, de),
			columns: {
				measure: m.monitoring_annual_report_measure_column({}, de),
				owner: m.monitoring_annual_report_owner_column({}, de),
				districts: m.monitoring_label_districts({}, de),
				status: m.monitoring_label_status({}, de),
				progress: m.monitoring_annual_report_progress_column({}, de)
			}
		},
		summary: {
			measures: [
				...statuses.filter((status) => statusCounts.has(status)).map((status) => ({ label: statusLabel(status), value: statusCounts.get(status)! })),
				{ label: m.monitoring_annual_report_measures_total({}, de), value: measureTotal }
			],
			indicators: (['reached', 'on_way', 'off_way', 'no_values'] as const).map((standing) => ({
				label: (m as unknown as Record<string, (i: object, o: typeof de) => string>)[`monitoring_annual_report_indicators_${standing}`]({}, de),
				value: standings.get(standing) ?? 0
			})),
			ratings: latestReview
				? ratings.map((rating) => ({ label: ratingLabel(rating), value: latestReview.goals.filter((goal) => goal.rating === rating).length }))
				: null
		},
		fields
	};
	return { editionId: edition.id, strategySlug: strategy.slug, report };
}

type ExportRequest = { db: Database; municipality: Municipality; strategySlug: string; number: number; year: number; storage: ReportStorage; now?: Date };

const directoryOf = (storage: ReportStorage, editionId: string) => path.join(storage.cacheDir, editionId);

/** The report of one year, from the cache when nothing it shows has changed since it was generated. */
export async function exportAnnualReport({ db, municipality, strategySlug, number, year, storage, now = new Date() }: ExportRequest) {
	const { editionId, report } = await loadAnnualReport(db, municipality, strategySlug, number, year, now);
	const key = createHash('sha256').update(JSON.stringify(report)).digest('hex').slice(0, 20);
	const directory = directoryOf(storage, editionId);
	const file = path.join(directory, `${year}-${key}.pdf`);
	const response = { etag: `"${key}"`, contentType: 'application/pdf', fileName: `${strategySlug}-auflage-${number}-jahresbericht-${year}.pdf` };
	try {
		return { ...response, bytes: await readFile(file), cached: true };
	} catch {
		const bytes = await writeAnnualReportPdf({ ...report, generatedOn: m.monitoring_annual_report_generated({ date: formatCalendarDate('de', new Intl.DateTimeFormat('en-CA', { timeZone: municipality.timeZone }).format(now), { dateStyle: 'long' }) }, de) }, storage.fontDir);
		await mkdir(directory, { recursive: true });
		// Written aside and renamed, so that a concurrent download never reads half a file.
		// A name of its own per writer: two downloads in the same millisecond renamed one file twice.
		const partial = `${file}.${randomUUID()}.part`;
		await writeFile(partial, bytes);
		await rename(partial, file);
		// Reports of earlier data are never asked for again: their hash is gone with the data.
		for (const name of await readdir(directory)) {
			if (name.startsWith(`${year}-`) && name.endsWith('.pdf') && name !== path.basename(file)) await unlink(path.join(directory, name)).catch(() => undefined);
		}
		return { ...response, bytes, cached: false };
	}
}

/**
 * The years to link from the monitor, each with the size of its last generated file as a hint
 * (null before the first download); reading a directory, never generating a report.
 */
export async function listAnnualReports({ editionId, edition, timeZone, storage, now = new Date() }: { editionId: string; edition: { periodStart: number; periodEnd: number }; timeZone: string; storage: ReportStorage; now?: Date }) {
	const names = await readdir(directoryOf(storage, editionId)).catch(() => [] as string[]);
	return Promise.all(
		reportYears(edition, calendarYearIn(timeZone, now))
			.reverse()
			.map(async (year) => {
				const name = names.find((candidate) => candidate.startsWith(`${year}-`) && candidate.endsWith('.pdf'));
				const size = name ? await stat(path.join(directoryOf(storage, editionId), name)).then((info) => info.size, () => null) : null;
				return { year, kilobytes: size === null ? null : Math.max(1, Math.round(size / 1024)) };
			})
	);
}

export type AnnualReportExport = Awaited<ReturnType<typeof exportAnnualReport>>;
