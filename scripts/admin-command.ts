// What `npm run admin` does, apart from the process around it: the entry (admin.ts) hands it the command
// line, the environment and the terminal, and exits with the status it returns. Tests call it in-process.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readConfig } from '../src/lib/server/config';
import { bootDatabase, type BootedDatabase } from '../src/lib/server/db/boot';
import { roles } from '../src/lib/server/people/people.schema';
import { createAccount, generatePassword } from '../src/lib/server/people/people.service';
import { isDomainError } from '../src/lib/server/shared/errors';

const MIN_PASSWORD_LENGTH = 12;

const usage = `Usage:
  npm run admin -- create --email E --municipality SLUG [--name N] [--role ROLE] [--password P]
  npm run admin -- create --email E --platform [--name N] [--password P]

  --municipality SLUG  give the account a role in this municipality (ROLE: ${roles.join(', ')}; default admin)
  --platform           make the account an install-wide administrator (may create municipalities)
  --password P         without it the password is asked for twice on a terminal, or else generated and printed once

Connects to DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR (default ./data), reusing it when the app is running.`;

class UsageError extends Error {}

/** Where the command reads a password from and writes to; `input` is asked only when it is a terminal. */
export type Terminal = {
	out: (text: string) => void;
	err: (text: string) => void;
	input?: NodeJS.ReadStream;
	prompt?: (text: string) => void;
};

/** The command line asked for help: the usage is printed and nothing else happens. */
class HelpRequested extends Error {}

const createSchema = z
	.object({
		email: z.email({ message: 'is not a valid e-mail address' }),
		municipality: z
			.string()
			.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'is not a municipality slug (lower-case letters, digits, hyphens)' })
			.optional(),
		platform: z.boolean().default(false),
		name: z.string().trim().min(1, { message: 'must not be empty' }).max(120, { message: 'is too long' }).optional(),
		role: z.enum(roles, { message: `must be one of ${roles.join(', ')}` }).default('admin'),
		password: z.string().min(MIN_PASSWORD_LENGTH, { message: `must have at least ${MIN_PASSWORD_LENGTH} characters` }).optional()
	})
	.refine((options) => options.municipality || options.platform, {
		message: 'give --municipality SLUG or --platform'
	});

type CreateOptions = z.output<typeof createSchema>;

function parseCommandLine(argv: string[]): CreateOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				email: { type: 'string' },
				municipality: { type: 'string' },
				platform: { type: 'boolean' },
				name: { type: 'string' },
				role: { type: 'string' },
				password: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (parsed.values.help) throw new HelpRequested();
	const [command, ...rest] = parsed.positionals;
	if (command !== 'create') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
	if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
	const { help: _help, ...values } = parsed.values;
	const result = createSchema.safeParse(values);
	if (!result.success) {
		const problems = result.error.issues.map((issue) => (issue.path.length ? `--${issue.path.join('.')} ${issue.message}` : issue.message));
		throw new UsageError(problems.join('\n'));
	}
	return result.data;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(input: NodeJS.ReadStream, write: (text: string) => void, prompt: string): Promise<string> {
	write(prompt);
	input.setRawMode(true);
	input.setEncoding('utf8');
	input.resume();
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = () => {
			input.off('data', onData);
			input.setRawMode(false);
			input.pause();
			write('\n');
		};
		const onData = (chunk: string) => {
			for (const character of chunk) {
				if (character === '\r' || character === '\n' || character === '\u0004') {
					finish();
					resolve(value);
					return;
				}
				if (character === '\u0003') {
					finish();
					reject(new UsageError('cancelled'));
					return;
				}
				if (character === '\u007f' || character === '\b') value = value.slice(0, -1);
				else value += character;
			}
		};
		input.on('data', onData);
	});
}

async function choosePassword(given: string | undefined, terminal: Terminal): Promise<{ password: string; generated: boolean }> {
	if (given) return { password: given, generated: false };
	const input = terminal.input;
	if (!input?.isTTY) return { password: generatePassword(), generated: true };
	const write = terminal.prompt ?? terminal.out;
	const password = await askHidden(input, write, 'Password: ');
	if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
	if ((await askHidden(input, write, 'Password again: ')) !== password) throw new UsageError('the two passwords differ');
	return { password, generated: false };
}

function describeFailure(error: unknown, options: CreateOptions): string {
	if (isDomainError(error)) {
		if (error.code === 'tenancy_municipality_not_found') return `there is no municipality with the slug "${options.municipality}"`;
		if (error.code === 'people_email_taken') return `there is already an account for ${error.params.email ?? options.email}`;
		return error.code;
	}
	// Two operators creating the same account at once: the unique index decides.
	if ((error as { code?: string }).code === '23505') return `there is already an account for ${options.email}`;
	return error instanceof Error ? error.message : String(error);
}

/** Runs `npm run admin -- …` with these arguments; resolves with the exit status. */
export async function runAdminCommand(argv: string[], environment: NodeJS.ProcessEnv, terminal: Terminal): Promise<number> {
	let options: CreateOptions;
	let password: { password: string; generated: boolean };
	try {
		options = parseCommandLine(argv);
		password = await choosePassword(options.password, terminal);
	} catch (error) {
		if (error instanceof HelpRequested) {
			terminal.out(usage);
			return 0;
		}
		if (!(error instanceof UsageError)) throw error;
		terminal.err(`Error: ${error.message}\n\n${usage}`);
		return 1;
	}
	let database: BootedDatabase | undefined;
	try {
		database = await bootDatabase(readConfig(environment), { seedDemo: false, poolSize: 2, whenRunning: 'reuse' });
		const email = options.email.trim().toLowerCase();
		await createAccount({
			db: database.db,
			email,
			name: options.name ?? email.split('@')[0],
			password: password.password,
			municipalitySlug: options.municipality,
			role: options.role,
			isPlatformAdmin: options.platform
		});
		const scope = [
			options.municipality ? `${options.role} of ${options.municipality}` : '',
			options.platform ? 'platform administrator' : ''
		].filter(Boolean);
		terminal.out(`Created the account ${email} (${scope.join(', ')}).`);
		if (password.generated) terminal.out(`Password (shown only now): ${password.password}`);
		return 0;
	} catch (error) {
		terminal.err(`Error: ${describeFailure(error, options)}`);
		return 1;
	} finally {
		await database?.shutdown();
	}
}
