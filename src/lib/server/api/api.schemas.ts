// The shape of every answer of the open-data API. The same schemas validate responses in tests and
// become the OpenAPI document (api.openapi.ts), so the two cannot drift apart.
import { z } from 'zod';
import { editionStages } from '../document/document.schema';
import { indicatorDirections, indicatorFrequencies, measureStatuses } from '../monitoring/monitoring.schema';
import { eventStatuses, eventTypes } from '../participation/event.schema';
import { ideaStatuses } from '../participation/idea.schema';

/** Every named schema of the API; each becomes one entry of the OpenAPI document's components. */
export const apiSchemas = z.registry<{ id: string }>();

const id = z.uuid();
const date = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });
const link = z.url();

export const errorSchema = z
	.object({
		code: z.enum(['not_found', 'invalid_parameter', 'invalid_cursor', 'rate_limited', 'busy', 'internal_error']),
		message: z.string(),
		details: z.array(z.object({ path: z.string(), message: z.string() })).optional()
	})
	.register(apiSchemas, { id: 'Error' });

/** A page of a list: `next` is the address of the following page, null on the last one. */
export const listOf = <T extends z.ZodType>(item: T, name: string) =>
	z.object({ data: z.array(item), next: link.nullable() }).register(apiSchemas, { id: name });

export const municipalitySchema = z
	.object({
		id,
		slug: z.string(),
		name: z.string(),
		description: z.string(),
		region: z.object({ slug: z.string(), name: z.string() }).nullable(),
		links: z.object({ self: link, html: link })
	})
	.register(apiSchemas, { id: 'Municipality' });

export const contactPointSchema = z
	.object({
		office: z.string(),
		street: z.string(),
		postalCode: z.string(),
		city: z.string(),
		phone: z.string(),
		fax: z.string(),
		email: z.string(),
		web: z.string(),
		openingHours: z.string()
	})
	.register(apiSchemas, { id: 'ContactPoint' });

export const municipalityDetailSchema = municipalitySchema
	.extend({ timeZone: z.string(), contactPoint: contactPointSchema.nullable() })
	.register(apiSchemas, { id: 'MunicipalityDetail' });

export const editionSummarySchema = z
	.object({
		id,
		number: z.number().int(),
		periodStart: z.number().int(),
		periodEnd: z.number().int(),
		stage: z.enum(editionStages),
		summary: z.string(),
		links: z.object({ self: link, html: link })
	})
	.register(apiSchemas, { id: 'EditionSummary' });

export const strategySchema = z
	.object({
		id,
		slug: z.string(),
		title: z.string(),
		summary: z.string(),
		editions: z.array(editionSummarySchema.omit({ summary: true })),
		links: z.object({ editions: link, html: link })
	})
	.register(apiSchemas, { id: 'Strategy' });

const outlineMeasureSchema = z
	.object({ id, lineageId: id, number: z.string(), title: z.string(), description: z.string() })
	.register(apiSchemas, { id: 'OutlineMeasure' });
const outlineGoalSchema = z
	.object({ id, lineageId: id, number: z.string(), title: z.string(), description: z.string(), measures: z.array(outlineMeasureSchema) })
	.register(apiSchemas, { id: 'OutlineGoal' });
const outlineFieldSchema = z
	.object({
		id,
		lineageId: id.nullable(),
		number: z.string(),
		title: z.string(),
		description: z.string(),
		isFocus: z.boolean(),
		goals: z.array(outlineGoalSchema)
	})
	.register(apiSchemas, { id: 'OutlineField' });

export const editionSchema = editionSummarySchema
	.extend({
		strategy: z.object({ id, slug: z.string(), title: z.string() }),
		stageDates: z.array(z.object({ stage: z.enum(editionStages), startsOn: date, endsOn: date.nullable() })),
		fields: z.array(outlineFieldSchema),
		links: z.object({ self: link, html: link, measures: link, measuresCsv: link, indicators: link, ideas: link, dataPackage: link })
	})
	.register(apiSchemas, { id: 'Edition' });

const districtRefSchema = z.object({ id, slug: z.string(), name: z.string() }).register(apiSchemas, { id: 'DistrictRef' });

export const measureSchema = z
	.object({
		id,
		lineageId: id,
		number: z.string(),
		title: z.string(),
		fieldId: id,
		goalId: id,
		status: z.enum(measureStatuses),
		statusReason: z.string(),
		plannedStart: date.nullable(),
		plannedEnd: date.nullable(),
		actualStart: date.nullable(),
		actualEnd: date.nullable(),
		responsibleOffice: z.string(),
		organisations: z.array(z.string()).describe('Names of the partner organisations that carry out the measure.'),
		cityWide: z.boolean(),
		districts: z.array(districtRefSchema),
		budgetEuros: z.number().nullable(),
		progress: z.number().int().min(0).max(100),
		links: z.object({ html: link })
	})
	.register(apiSchemas, { id: 'Measure' });

export const indicatorSchema = z
	.object({
		id,
		goalId: id.nullable(),
		measureId: id.nullable(),
		name: z.string(),
		definition: z.string(),
		unit: z.string(),
		source: z.string().describe('A free-text note on the source; the registered source is sourceKey.'),
		sourceKey: z.string().nullable().describe('Key of the registered source of the series (see listSources); null when it names none.'),
		direction: z.enum(indicatorDirections),
		baseline: z.object({ value: z.number(), date }),
		target: z.object({ value: z.number(), date }),
		frequency: z.enum(indicatorFrequencies),
		latest: z.object({ value: z.number(), date }).nullable().describe('The newest city-wide measurement.'),
		stale: z.boolean().describe('The newest measurement is older than expected: a release day of its source passed without a newer value, or (without a release calendar) two update periods passed.'),
		links: z.object({ measurements: link, measurementsCsv: link, html: link })
	})
	.register(apiSchemas, { id: 'Indicator' });

export const measurementSchema = z
	.object({
		id,
		indicatorId: id,
		date,
		value: z.number().nullable().describe('Null when the value is withheld (see suppressed).'),
		suppressed: z
			.boolean()
			.describe('True when the value is withheld from publication: entered as confidential, a count below the minimum, or a cell from which such a count could be calculated.'),
		district: districtRefSchema.nullable().describe('Null for a city-wide value.'),
		sourceNote: z.string(),
		source: z.string().nullable().describe("Key of the registered source of this value when it names its own (see listSources); null: the series' source applies.")
	})
	.register(apiSchemas, { id: 'Measurement' });

export const sourceSchema = z
	.object({
		key: z.string().describe('Stable key, the same as in the `source` column of the measurement exchange format.'),
		publisher: z.string(),
		dataset: z.string(),
		method: z.string(),
		licence: z.string().describe('The licence as recorded: a known licence by its key (e.g. dl-de-by-2.0, cc-by-4.0) or free text; empty when not stated.'),
		licenceUrl: z.string().nullable().describe('Address of the licence text when the licence is a known one.'),
		url: z.string().describe('Where the dataset is published; empty when not stated.'),
		frequency: z.enum(indicatorFrequencies).nullable(),
		lastReleaseOn: date.nullable(),
		nextReleaseOn: date.nullable().describe('When the next release is expected.')
	})
	.register(apiSchemas, { id: 'Source' });

const position = z.array(z.number()).min(2);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) });
export const geometrySchema = z.union([polygon, multiPolygon]).register(apiSchemas, { id: 'Geometry' });

export const districtCollectionSchema = z
	.object({
		type: z.literal('FeatureCollection'),
		features: z.array(
			z.object({
				type: z.literal('Feature'),
				id,
				geometry: geometrySchema.nullable().describe('Null when the municipality has not drawn the district.'),
				properties: z.object({ slug: z.string(), name: z.string(), position: z.number().int() })
			})
		)
	})
	.register(apiSchemas, { id: 'DistrictCollection' });

export const eventSchema = z
	.object({
		id,
		type: z.enum(eventTypes),
		status: z.enum(eventStatuses),
		title: z.string(),
		description: z.string().describe('Markdown.'),
		startsAt: dateTime,
		endsAt: dateTime,
		place: z.string(),
		address: z.string(),
		onlineUrl: z.string(),
		organiser: z.string().describe('Empty for events of the municipality itself.'),
		editionId: id.nullable(),
		links: z.object({ html: link })
	})
	.register(apiSchemas, { id: 'Event' });

export const ideaSchema = z
	.object({
		id,
		createdAt: dateTime,
		title: z.string(),
		body: z.string().describe('Plain text as the resident wrote it, line breaks kept.'),
		language: z.string().nullable().describe('BCP 47 code of the language the text was written in; null where it was not recorded.'),
		status: z.enum(ideaStatuses),
		statusExplanation: z.string().describe('The office’s public explanation of the status; may be empty.'),
		fieldId: id.describe('Field of action of the edition (see the edition’s outline).'),
		districtId: id.nullable(),
		source: z.enum(['online', 'transcribed']).describe('Written online, or transcribed by the office from a workshop or working group.'),
		mergedIntoId: id.nullable().describe('The idea this one was merged into.'),
		supports: z.number().int().min(0),
		comments: z.number().int().min(0).describe('Visible comments.'),
		takenUpIn: z.array(z.string()).describe('Numbers of the goals and measures of the edition’s document this idea fed into ("1.2", "1.2.3").'),
		links: z.object({ html: link })
	})
	.register(apiSchemas, { id: 'Idea' });

export const municipalityListSchema = listOf(municipalitySchema, 'MunicipalityList');
export const strategyListSchema = listOf(strategySchema, 'StrategyList');
export const editionListSchema = listOf(editionSummarySchema, 'EditionList');
export const measureListSchema = listOf(measureSchema, 'MeasureList');
export const indicatorListSchema = listOf(indicatorSchema, 'IndicatorList');
export const measurementListSchema = listOf(measurementSchema, 'MeasurementList');
export const sourceListSchema = listOf(sourceSchema, 'SourceList');
export const eventListSchema = listOf(eventSchema, 'EventList');
export const ideaListSchema = listOf(ideaSchema, 'IdeaList');

/** One row of a CSV download; the column keys are fixed and English. */
export const measureCsvRowSchema = z
	.object({
		number: z.string(),
		id,
		lineage_id: id,
		title: z.string(),
		field: z.string(),
		goal: z.string(),
		status: z.enum(measureStatuses),
		status_reason: z.string(),
		progress: z.number().int(),
		planned_start: date.or(z.literal('')),
		planned_end: date.or(z.literal('')),
		actual_start: date.or(z.literal('')),
		actual_end: date.or(z.literal('')),
		responsible_office: z.string(),
		organisations: z.string().describe('Names separated by "; ".'),
		city_wide: z.boolean(),
		districts: z.string().describe('District slugs separated by "; ".'),
		budget_euros: z.number().or(z.literal(''))
	})
	.register(apiSchemas, { id: 'MeasureCsvRow' });

export const measurementCsvRowSchema = z
	.object({
		date,
		value: z.number().or(z.literal('')).describe('Empty when the value is withheld.'),
		district: z.string().describe('District slug, empty for city-wide.'),
		source_note: z.string(),
		id,
		suppressed: z.boolean().describe('True when the value is withheld from publication.')
	})
	.register(apiSchemas, { id: 'MeasurementCsvRow' });

/** A Frictionless Tabular Data Package (specs.frictionlessdata.io): the exchange CSV typed by a Table Schema. */
const tableSchemaFieldSchema = z.looseObject({
	name: z.string(),
	type: z.enum(['string', 'number']),
	title: z.string().optional(),
	description: z.string().optional(),
	constraints: z.looseObject({ required: z.boolean().optional(), unique: z.boolean().optional(), enum: z.array(z.string()).optional(), pattern: z.string().optional() }).optional()
});

export const dataPackageSchema = z
	.object({
		profile: z.literal('tabular-data-package'),
		name: z.string().regex(/^[a-z0-9._-]+$/),
		title: z.string(),
		description: z.string(),
		homepage: link,
		resources: z.array(
			z.object({
				profile: z.literal('tabular-data-resource'),
				name: z.string(),
				path: link.optional().describe('The CSV in the exchange format (docs/measurement-format.md), values through the disclosure control.'),
				format: z.string().optional(),
				mediatype: z.string().optional(),
				encoding: z.string().optional(),
				dialect: z.looseObject({ delimiter: z.string() }).optional(),
				data: z.array(z.record(z.string(), z.string())).optional().describe('Small lookup tables inline: the indicators and the sources.'),
				schema: z.looseObject({
					fields: z.array(tableSchemaFieldSchema),
					missingValues: z.array(z.string()).optional(),
					primaryKey: z.union([z.string(), z.array(z.string())]).optional(),
					foreignKeys: z.array(z.looseObject({ fields: z.string(), reference: z.object({ resource: z.string(), fields: z.string() }) })).optional()
				})
			})
		)
	})
	.register(apiSchemas, { id: 'DataPackage' });
