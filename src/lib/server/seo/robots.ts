// Crawlers read the public pages and the open-data API; the back office, personal pages and every
// address that only answers forms stay out of search indexes.
const disallowed = [
	'/admin',
	'/account',
	'/sign-in',
	'/sign-out',
	'/register',
	'/verify',
	'/invitations',
	'/consent',
	'/metrics',
	'/*/events/*/registration/',
	'/*/events/submit',
	'/*?/',
	'/en/admin',
	'/en/account',
	'/en/sign-in',
	'/en/register',
	'/en/invitations'
];

export function robotsTxt(origin: string): string {
	return ['User-agent: *', ...disallowed.map((path) => `Disallow: ${path}`), 'Allow: /', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}
