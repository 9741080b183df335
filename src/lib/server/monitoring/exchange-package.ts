// The Frictionless data package of an edition's measurements (docs/measurement-format.md, "Data
// package"): a Tabular Data Package descriptor whose main resource is the public CSV export, typed by
// a Table Schema. The descriptor itself carries no measurement values — every value a reader gets
// comes from the CSV export, which passes the disclosure control — only keys, labels and sources.
import type { Executor } from '../db/client';
import { getStrategyBySlug } from '../document/document.service';
import { editionNotFound } from '../document/document.errors';
import { measurementFlags, measurementQualifiers } from '../../measurement-values';
import { DIMENSION_COLUMN_PREFIX } from './measurement-import';
import { exportMeasurementsCsv } from './measurement-export';
import { selectExchangeDimensionMembers, selectExchangeIndicators } from './exchange.queries';
import { selectSourcesOfMunicipality } from './provenance.queries';

type Field = {
	name: string;
	type: 'string' | 'number';
	title?: string;
	description?: string;
	format?: string;
	constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string };
};

const lookupFields = (key: string, names: string[]): Field[] => [
	{ name: key, type: 'string', constraints: { required: true, unique: true } },
	...names.map((name): Field => ({ name, type: 'string' }))
];

const PERIOD_PATTERN = '\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])|-\\d{2}-\\d{2}/\\d{4}-\\d{2}-\\d{2})?';
const flag = `(${measurementFlags.join('|')})`;
const FLAGS_PATTERN = `${flag}(\\|${flag})*`;

/** The public address of an edition's measurements export, relative to the installation's origin. */
export const measurementsCsvPath = (m: string, s: string, n: number) => `/${m}/strategies/${s}/editions/${n}/monitor/measurements.csv`;
export const dataPackagePath = (m: string, s: string, n: number) => `/${m}/strategies/${s}/editions/${n}/monitor/datapackage.json`;

export type DataPackage = Awaited<ReturnType<typeof buildDataPackage>>;

/**
 * The descriptor for one edition. `origin` makes the CSV's path absolute, so the descriptor works
 * wherever it is saved; names are lower-case as the Data Package specification asks.
 */
export async function buildDataPackage({
	db,
	municipality,
	strategySlug,
	number,
	origin
}: {
	db: Executor;
	municipality: { id: string; slug: string; name: string };
	strategySlug: string;
	number: number;
	origin: string;
}) {
	const strategy = await getStrategyBySlug({ db, municipalityId: municipality.id, slug: strategySlug });
	const edition = strategy.editions.find((e) => e.number === number);
	if (!edition) throw editionNotFound({ number });
	const [indicatorRows, memberRows, sourceRows] = await Promise.all([
		selectExchangeIndicators(db, municipality.id, edition.id),
		selectExchangeDimensionMembers(db, municipality.id, edition.id),
		selectSourcesOfMunicipality(db, municipality.id)
	]);
	const dimensionsByKey = new Map<string, { label: string; members: string[] }>();
	for (const row of memberRows) {
		const dimension = dimensionsByKey.get(row.dimensionKey) ?? { label: row.dimensionLabel, members: [] };
		dimension.members.push(row.memberKey);
		dimensionsByKey.set(row.dimensionKey, dimension);
	}
	// The export's dim_ columns are sorted by key; the schema lists them in the same order.
	const dimensionKeys = [...dimensionsByKey.keys()].sort();
	const dimensionFields: Field[] = dimensionKeys.map((key) => ({
		name: DIMENSION_COLUMN_PREFIX + key,
		type: 'string',
		title: dimensionsByKey.get(key)!.label,
		description: 'Member key of this dimension; `total` for all members. Empty when the indicator is not broken down by it.',
		constraints: { enum: dimensionsByKey.get(key)!.members }
	}));
	const fields: Field[] = [
		{ name: 'indicator', type: 'string', description: 'Code of the indicator (resource `indicators`).', constraints: { required: true, enum: indicatorRows.map((i) => i.code) } },
		{
			name: 'period',
			type: 'string',
			description: 'Year `2025`, quarter `2025-Q2`, month `2025-04` or inclusive date range `2025-01-01/2025-06-30`.',
			constraints: { required: true, pattern: PERIOD_PATTERN }
		},
		{ name: 'value', type: 'number', description: 'Decimal point, no thousands separator. Empty when withheld (flag `suppressed`).' },
		{ name: 'qualifier', type: 'string', description: 'Censored value: `<` with value 5 reads "less than 5".', constraints: { enum: [...measurementQualifiers] } },
		{ name: 'unit', type: 'string', description: "Unit of this value when it differs from the indicator's unit." },
		...dimensionFields,
		{ name: 'flags', type: 'string', description: `Any of ${measurementFlags.join(', ')}, joined by \`|\`.`, constraints: { pattern: FLAGS_PATTERN } },
		{ name: 'source', type: 'string', description: 'Key of the source (resource `sources`).' },
		{ name: 'note', type: 'string', description: 'Free text about this value.' }
	];
	const base = `${municipality.slug}-${strategy.slug}-${edition.number}`;
	return {
		profile: 'tabular-data-package' as const,
		name: `leitbild-${base}-measurements`.toLowerCase(),
		title: `${strategy.title} (${edition.number}.), ${municipality.name}: Messwerte`,
		description: 'Indicator values of the edition in the tidy exchange format of Leitbild: one value per row, fixed column keys, dimension member keys, flags and sources.',
		homepage: new URL(`/${municipality.slug}/strategies/${strategy.slug}/editions/${edition.number}/monitor`, origin).toString(),
		resources: [
			{
				profile: 'tabular-data-resource' as const,
				name: 'measurements',
				path: new URL(measurementsCsvPath(municipality.slug, strategy.slug, edition.number), origin).toString(),
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8',
				dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n' },
				schema: {
					fields,
					missingValues: [''],
					primaryKey: ['indicator', 'period', ...dimensionFields.map((f) => f.name)],
					foreignKeys: [
						{ fields: 'indicator', reference: { resource: 'indicators', fields: 'code' } },
						{ fields: 'source', reference: { resource: 'sources', fields: 'key' } }
					]
				}
			},
			{
				profile: 'tabular-data-resource' as const,
				name: 'indicators',
				data: indicatorRows.map((i) => ({ code: i.code, name: i.name, unit: i.unit, direction: i.direction, frequency: i.frequency })),
				schema: {
					fields: lookupFields('code', ['name', 'unit', 'direction', 'frequency']),
					primaryKey: 'code'
				}
			},
			{
				profile: 'tabular-data-resource' as const,
				name: 'sources',
				data: sourceRows.map(({ key, publisher, dataset, method, licence, url }) => ({ key, publisher, dataset, method, licence, url })),
				schema: {
					fields: lookupFields('key', ['publisher', 'dataset', 'method', 'licence', 'url']),
					primaryKey: 'key'
				}
			}
		]
	};
}

/**
 * The edition's public CSV export: resolves the edition first (a missing one is a 404 before any
 * byte is sent), then streams the rows, each value through the disclosure control.
 */
export async function openPublicMeasurementsExport({ db, municipalityId, strategySlug, number }: { db: Executor; municipalityId: string; strategySlug: string; number: number }) {
	const strategy = await getStrategyBySlug({ db, municipalityId, slug: strategySlug });
	const edition = strategy.editions.find((e) => e.number === number);
	if (!edition) throw editionNotFound({ number });
	return exportMeasurementsCsv(db, { municipalityId, editionId: edition.id, audience: 'public' });
}
