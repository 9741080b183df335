import { expect, it } from 'vitest';
import { jsonLdScript, newsArticleJsonLd } from './json-ld';

it('an article’s NewsArticle data parses as JSON with headline, dates, author and publisher, and cannot close its script', () => {
	const script = jsonLdScript(
		newsArticleJsonLd({
			url: 'https://leitbild.example.org/stadt/news/abschluss',
			title: 'Abschluss </script><script>alert(1)</script>',
			lead: 'Rund 120 Menschen kamen.',
			publishedAt: new Date('2025-01-24T19:00:00Z'),
			updatedAt: new Date('2025-01-25T08:00:00Z'),
			municipalityName: 'Stadt',
			place: 'Münster',
			tags: ['Münster', 'Göç']
		})
	);
	expect(script.match(/<\/script>/g)).toHaveLength(1);
	const data = JSON.parse(script.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, ''));
	expect(data).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: 'Abschluss </script><script>alert(1)</script>',
		datePublished: '2025-01-24T19:00:00.000Z',
		dateModified: '2025-01-25T08:00:00.000Z',
		author: { '@type': 'GovernmentOrganization', name: 'Stadt' },
		publisher: { name: 'Stadt' },
		keywords: 'Münster, Göç'
	});
});
