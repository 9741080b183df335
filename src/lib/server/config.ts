import path from 'node:path';
import { z } from 'zod';
import { API_READS_PER_MINUTE_PATTERN, type LimitOverrides } from './http/rate-limit';

// Everything the server reads from the environment, parsed once. Secrets never have defaults
// except in demo mode, where a random per-process secret keeps sessions working without setup.
const environmentSchema = z.object({
	DATABASE_URL: z.string().url().optional(),
	DATA_DIR: z.string().default('data'),
	DEMO: z.enum(['on', 'off']).default('on'),
	DEMO_DAY: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
		.refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'a day of the calendar')
		.optional(),
	AUTH_SECRET: z.string().min(32).optional(),
	ORIGIN: z.string().url().optional(),
	PUBLIC_CACHE: z.enum(['on', 'off']).default('on'),
	LOG_DATABASE: z.enum(['on', 'off']).default('off'),
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().default('Leitbild <noreply@leitbild.example.org>'),
	METRICS_TOKEN: z.string().min(16).optional(),
	// Raised only for load tests (`npm run soak`), where a few accounts write far faster than people do.
	WRITES_PER_MINUTE: z.coerce.number().int().positive().optional(),
	// Budgets per hour for what the public can submit; defaults in http/rate-limit.ts.
	SIGN_UPS_PER_HOUR: z.coerce.number().int().positive().optional(),
	IDEAS_PER_HOUR: z.coerce.number().int().positive().optional(),
	COMMENTS_PER_HOUR: z.coerce.number().int().positive().optional(),
	EVENT_REGISTRATIONS_PER_HOUR: z.coerce.number().int().positive().optional(),
	// Read by http/rate-limit.ts when it loads (the API's description names it); checked here so that a value it
	// could not use stops the start instead of leaving the default of 600 in place unannounced.
	API_RATE_LIMIT_PER_MINUTE: z.string().trim().regex(API_READS_PER_MINUTE_PATTERN, 'a whole number from 1 to 999999999').refine((value) => Number(value) > 0, 'a whole number from 1 to 999999999').optional()
});

export type AppConfig = {
	databaseUrl: string | undefined;
	dataDir: string;
	demo: boolean;
	/** The day the demo's coming events are planned from; unset, the day it is loaded. */
	demoDay: string | undefined;
	authSecret: string | undefined;
	origin: string | undefined;
	publicCache: boolean;
	logDatabase: boolean;
	projectRoot: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	outboxDir: string;
	metricsToken: string | undefined;
	writesPerMinute: number | undefined;
	/** Budgets replaced by the environment; the ones not set keep their defaults. */
	limits: LimitOverrides;
};

export function readConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
	const parsed = environmentSchema.safeParse(environment);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
	}
	const values = parsed.data;
	// Checked before anything starts, so a misconfigured server fails at once and leaves nothing running.
	if (values.DEMO === 'off' && !values.AUTH_SECRET) {
		throw new Error('AUTH_SECRET is not set: outside demo mode it must hold at least 32 random characters');
	}
	const projectRoot = environment.LEITBILD_ROOT ?? process.cwd();
	return {
		databaseUrl: values.DATABASE_URL,
		dataDir: path.resolve(projectRoot, values.DATA_DIR),
		demo: values.DEMO === 'on',
		demoDay: values.DEMO_DAY,
		authSecret: values.AUTH_SECRET,
		origin: values.ORIGIN,
		publicCache: values.PUBLIC_CACHE === 'on',
		logDatabase: values.LOG_DATABASE === 'on',
		projectRoot,
		smtpUrl: values.SMTP_URL,
		mailFrom: values.MAIL_FROM,
		outboxDir: path.join(path.resolve(projectRoot, values.DATA_DIR), 'outbox'),
		metricsToken: values.METRICS_TOKEN,
		writesPerMinute: values.WRITES_PER_MINUTE,
		limits: Object.fromEntries(
			Object.entries({
				writesPerActor: values.WRITES_PER_MINUTE,
				registrationsPerAddress: values.SIGN_UPS_PER_HOUR,
				ideasPerActor: values.IDEAS_PER_HOUR,
				commentsPerActor: values.COMMENTS_PER_HOUR,
				eventRegistrationsPerActor: values.EVENT_REGISTRATIONS_PER_HOUR
			}).filter(([, points]) => points !== undefined)
		)
	};
}
