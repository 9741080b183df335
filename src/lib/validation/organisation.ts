import { z } from 'zod';
import { organisationRoles, organisationSectors } from '../server/people/organisation.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });
const optionalEmail = text(200).refine((value) => value === '' || z.email().safeParse(value).success, {
	message: 'validation_email'
});
const optionalWeb = text(300).refine((value) => value === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), {
	message: 'validation_url'
});
const uuidOrEmpty = z
	.string()
	.trim()
	.refine((value) => value === '' || z.uuid().safeParse(value).success, { message: 'validation_invalid' })
	.transform((value) => (value === '' ? null : value));

export const sectorSchema = z.enum(organisationSectors, { message: 'validation_invalid' });
export const organisationRoleSchema = z.enum(organisationRoles, { message: 'validation_invalid' });

export const organisationSchema = z.object({
	name: required(200),
	sector: sectorSchema,
	districtId: uuidOrEmpty.prefault(''),
	contactPerson: text(200).default(''),
	email: optionalEmail.default(''),
	phone: text(60).default(''),
	web: optionalWeb.default(''),
	description: text(4000).default(''),
	listedPublicly: z
		.literal('on', { message: 'validation_invalid' })
		.optional()
		.transform((value) => value === 'on')
});
export type OrganisationInput = z.output<typeof organisationSchema>;

export const memberSchema = z.object({
	name: required(200),
	email: optionalEmail.default('').transform((value) => (value === '' ? null : value.toLowerCase())),
	role: organisationRoleSchema
});
export type MemberInput = z.output<typeof memberSchema>;

export const removeMemberSchema = z.object({ membershipId: z.uuid({ message: 'validation_invalid' }) });

export const organisationFilterSchema = z.object({
	q: text(200).catch(''),
	sector: sectorSchema.optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type OrganisationFilter = z.output<typeof organisationFilterSchema>;

/** Truthy words a spreadsheet may hold in the "listed_publicly" column, in both languages. */
const yes = ['ja', 'yes', 'true', '1', 'x'];
const no = ['', 'nein', 'no', 'false', '0'];
const yesNo = z
	.string()
	.trim()
	.transform((value) => value.toLowerCase())
	.refine((value) => yes.includes(value) || no.includes(value), { message: 'validation_yes_no' })
	.transform((value) => yes.includes(value));

/** One row of an organisations CSV; district is given by name, as people write it in a spreadsheet. */
export const organisationCsvRowSchema = z.object({
	name: required(200),
	sector: sectorSchema,
	district: text(200).default(''),
	contact_person: text(200).default(''),
	email: optionalEmail.default(''),
	phone: text(60).default(''),
	web: optionalWeb.default(''),
	description: text(4000).default(''),
	listed_publicly: yesNo.default(false)
});
export type OrganisationCsvRow = z.output<typeof organisationCsvRowSchema>;

/** One row of a people CSV; the organisation is named, and must exist in the registry already. */
export const personCsvRowSchema = z.object({
	name: required(200),
	email: optionalEmail.default('').transform((value) => (value === '' ? null : value.toLowerCase())),
	organisation: text(200).default(''),
	role: z
		.string()
		.trim()
		.default('')
		.transform((value) => value.toLowerCase() || 'member')
		.pipe(organisationRoleSchema)
});
export type PersonCsvRow = z.output<typeof personCsvRowSchema>;

export const importKinds = ['organisations', 'people'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importFormSchema = z.object({
	kind: z.enum(importKinds, { message: 'validation_invalid' }),
	skipInvalid: z
		.literal('on', { message: 'validation_invalid' })
		.optional()
		.transform((value) => value === 'on')
});
