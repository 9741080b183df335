import { z } from 'zod';
import { firstWeekdaySchema } from './calendar';
import { bothOrNeither, coordinatesShape } from './consent';

// Slugs that would shadow a fixed address (/admin, /en/…, /healthz, …) cannot name a municipality.
export const reservedSlugs = ['admin', 'api', 'en', 'de', 'tr', 'ar', 'uk', 'ru', 'healthz', 'sign-in', 'sign-out', 'account', 'regions', 'new', '_app', 'invitations', 'sitemaps', 'imprint', 'accessibility', 'privacy', 'outbox', 'platform-legal'];

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });

export const slugSchema = z
	.string()
	.trim()
	.min(2, { message: 'validation_slug' })
	.max(60, { message: 'validation_too_long' })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'validation_slug' })
	.refine((slug) => !reservedSlugs.includes(slug), { message: 'validation_slug_reserved' });

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));

export const contactPointSchema = z
	.object({
		office: required(200),
		street: text(200),
		postalCode: text(20),
		city: text(100),
		phone: text(50),
		fax: text(50),
		email: z.union([z.literal(''), z.email({ message: 'validation_email' })]),
		web: z.union([
			z.literal(''),
			z.url({ protocol: /^https?$/, message: 'validation_url' }).max(300, { message: 'validation_too_long' })
		]),
		openingHours: text(1000).default(''),
		...coordinatesShape
	})
	.refine(bothOrNeither, { path: ['longitude'], message: 'validation_consent_coordinates_both' });

/** What an admin of the municipality may change; the slug is fixed once public addresses use it. */
export const municipalitySettingsSchema = z.object({
	name: required(120),
	region: text(120).default(''),
	timeZone: z.string().refine((zone) => timeZones.has(zone), { message: 'validation_time_zone' }),
	description: text(2000).default(''),
	firstWeekday: firstWeekdaySchema,
	contact: contactPointSchema
});

export const newMunicipalitySchema = municipalitySettingsSchema.extend({ slug: slugSchema });

export type MunicipalitySettingsInput = z.output<typeof municipalitySettingsSchema>;
export type NewMunicipalityInput = z.output<typeof newMunicipalitySchema>;
export type ContactPointInput = z.output<typeof contactPointSchema>;

export const districtSchema = z.object({ name: required(120) });
