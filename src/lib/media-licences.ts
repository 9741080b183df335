/**
 * Where each licence of the shared photo licence list is published, so a credit line can link to the
 * licence text. "All rights reserved" has no public text and is shown without a link.
 */
export const licenceUrls: Record<string, string | undefined> = {
	'cc0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/deed.de',
	'cc-by-4.0': 'https://creativecommons.org/licenses/by/4.0/deed.de',
	'cc-by-sa-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/deed.de',
	'all-rights-reserved': undefined
};
