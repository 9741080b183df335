import { z } from 'zod';
import { editionStages } from '../document/document.schema';
import { roles } from '../people/people.schema';

// A plain description of data: the demo is one, and each test file describes the few rows it needs.
const contact = z.object({
	office: z.string(),
	street: z.string().default(''),
	postalCode: z.string().default(''),
	city: z.string().default(''),
	phone: z.string().default(''),
	fax: z.string().default(''),
	email: z.string().default(''),
	web: z.string().default(''),
	openingHours: z.string().default(''),
	latitude: z.number().optional(),
	longitude: z.number().optional()
});

const measure = z.object({ title: z.string(), description: z.string().default('') });
const goal = z.object({
	title: z.string(),
	description: z.string().default(''),
	measures: z.array(measure).default([])
});
const field = z.object({
	title: z.string(),
	description: z.string().default(''),
	isFocus: z.boolean().default(false),
	goals: z.array(goal).default([])
});
const edition = z.object({
	number: z.number().int().positive(),
	periodStart: z.number().int(),
	periodEnd: z.number().int(),
	stage: z.enum(editionStages),
	summary: z.string().default(''),
	contact: contact.optional(),
	stages: z
		.array(z.object({ stage: z.enum(editionStages), startsOn: z.string(), endsOn: z.string().optional() }))
		.default([]),
	fields: z.array(field).default([])
});
const strategy = z.object({
	slug: z.string(),
	title: z.string(),
	summary: z.string().default(''),
	editions: z.array(edition).default([])
});
const municipality = z.object({
	slug: z.string(),
	name: z.string(),
	region: z.string().optional(),
	timeZone: z.string().default('Europe/Berlin'),
	description: z.string().default(''),
	isDemo: z.boolean().default(false),
	firstWeekday: z.number().int().min(1).max(7).optional(),
	contact: contact.optional(),
	districts: z.array(z.string()).default([]),
	strategies: z.array(strategy).default([])
});
const account = z.object({
	email: z.string().email(),
	name: z.string(),
	password: z.string().min(8),
	isPlatformAdmin: z.boolean().default(false),
	roles: z.array(z.object({ municipality: z.string(), role: z.enum(roles) })).default([])
});

export const dataDescriptionSchema = z.object({
	regions: z.array(z.object({ slug: z.string(), name: z.string() })).default([]),
	municipalities: z.array(municipality).default([]),
	accounts: z.array(account).default([])
});

export type DataDescription = z.input<typeof dataDescriptionSchema>;
