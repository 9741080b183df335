import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
// Debian's headless build of the same Chromium (the chromium source package, same version and Blink): without
// the full browser's windowing and UI layers it spent 41 % less CPU on the same four specs (44 against 76 s of
// user + system time, every test passing in both), and the end-to-end run is bound by the CPU.
export const CHROMIUM_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const POSTGRES_15_BIN = '/usr/lib/postgresql/15/bin';

/** The browser the end-to-end tests drive: Debian's headless shell, or Debian's full Chromium where only that is installed. */
export function testBrowser(): string {
	return existsSync(CHROMIUM_HEADLESS_SHELL) ? CHROMIUM_HEADLESS_SHELL : CHROMIUM;
}

type Need = { pkg: string; present: () => boolean; optionalWhen?: () => boolean };

const needs: Need[] = [
	// Without root, Debian's full chromium does as well, only slower; as root the headless shell is installed.
	{ pkg: 'chromium-headless-shell', present: () => existsSync(CHROMIUM_HEADLESS_SHELL), optionalWhen: () => existsSync(CHROMIUM) },
	{ pkg: 'postgresql-15', present: () => existsSync(`${POSTGRES_15_BIN}/postgres`) && existsSync(`${POSTGRES_15_BIN}/initdb`) },
	// The council submission's tests read the PDF with pdftotext and the DOCX with pandoc.
	{ pkg: 'poppler-utils', present: () => existsSync('/usr/bin/pdftotext') },
	{ pkg: 'pandoc', present: () => existsSync('/usr/bin/pandoc') }
];

/**
 * Installs Debian's chromium-headless-shell, postgresql-15, poppler-utils and pandoc when missing (as root),
 * or stops with what to install.
 */
export function provisionTestTools(): void {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const absent = needs.filter((need) => !need.present());
	const missing = (isRoot ? absent : absent.filter((need) => !need.optionalWhen?.())).map((need) => need.pkg);
	if (missing.length === 0) {
		if (testBrowser() === CHROMIUM) console.log(`[test] the end-to-end tests run in ${CHROMIUM}; Debian's chromium-headless-shell would make them faster`);
		return;
	}
	if (!isRoot) {
		console.error(
			`npm test needs Debian packages that are missing: ${missing.join(', ')}.\n` +
				`Install them with: sudo apt-get install -y ${missing.join(' ')}`
		);
		process.exit(1);
	}
	console.log(`[test] installing ${missing.join(', ')} with apt-get…`);
	const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: environment });
	const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
		stdio: 'inherit',
		env: environment
	});
	if (install.status !== 0) {
		console.error(`apt-get could not install ${missing.join(', ')}`);
		process.exit(1);
	}
}
