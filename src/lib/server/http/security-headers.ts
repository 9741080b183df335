/** Headers every response carries; the Content-Security-Policy itself comes from SvelteKit's csp config. */
export const securityHeaders: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
};

/** For responses SvelteKit does not render (health checks, cached pages, files): the same policy, strictest form. */
export const fallbackContentSecurityPolicy =
	"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
