import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const POSTGRES_15_BIN = '/usr/lib/postgresql/15/bin';

const needs = [
	{ pkg: 'chromium', present: () => existsSync(CHROMIUM) },
	{ pkg: 'postgresql-15', present: () => existsSync(`${POSTGRES_15_BIN}/postgres`) && existsSync(`${POSTGRES_15_BIN}/initdb`) },
	// The council submission's tests read the PDF with pdftotext and the DOCX with pandoc.
	{ pkg: 'poppler-utils', present: () => existsSync('/usr/bin/pdftotext') },
	{ pkg: 'pandoc', present: () => existsSync('/usr/bin/pandoc') }
];

/** Installs Debian's chromium, postgresql-15, poppler-utils and pandoc when missing (as root), or stops with what to install. */
export function provisionTestTools(): void {
	const missing = needs.filter((need) => !need.present()).map((need) => need.pkg);
	if (missing.length === 0) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
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
