// Structured data for search engines and link previews, built from what the page shows anyway.

/** JSON inside <script type="application/ld+json">: `<` escaped so no text can close the script element. */
export function jsonLdScript(data: object): string {
	return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

export function newsArticleJsonLd({
	url,
	title,
	lead,
	publishedAt,
	updatedAt,
	municipalityName,
	place,
	tags
}: {
	url: string;
	title: string;
	lead: string;
	publishedAt: Date | null;
	updatedAt: Date;
	municipalityName: string;
	place: string;
	tags: string[];
}) {
	const publisher = { '@type': 'GovernmentOrganization', name: municipalityName };
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		mainEntityOfPage: url,
		url,
		headline: title.slice(0, 110),
		...(lead ? { description: lead } : {}),
		datePublished: (publishedAt ?? updatedAt).toISOString(),
		dateModified: updatedAt.toISOString(),
		author: publisher,
		publisher,
		inLanguage: 'de',
		...(place ? { locationCreated: { '@type': 'Place', name: place } } : {}),
		...(tags.length > 0 ? { keywords: tags.join(', ') } : {})
	};
}
