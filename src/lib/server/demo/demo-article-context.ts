// What the demo articles belong to: the closing event's report and the council's decision point at the
// 4th edition, the report also at the event itself, so the event page lists it in turn.
import { and, eq, like } from 'drizzle-orm';
import type { Database } from '../db/client';
import { editions, strategies } from '../document/document.schema';
import { articleContexts, articleEvents } from '../news/article-context.schema';
import { articles } from '../news/news.schema';
import { events } from '../participation/event.schema';
import { selectMunicipalityBySlug } from '../tenancy/tenancy.queries';

const relatedToFourthEdition = ['abschlussveranstaltung-im-historischen-rathaus', 'rat-beschliesst-leitbild', 'erster-umsetzungsbericht'];

export async function loadDemoArticleContexts(db: Database) {
	const found = await selectMunicipalityBySlug(db, 'muenster');
	if (!found) return;
	const municipalityId = found.municipality.id;
	const [edition] = await db
		.select({ id: editions.id })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(and(eq(editions.municipalityId, municipalityId), eq(strategies.slug, 'migration-und-integration'), eq(editions.number, 4)))
		.limit(1);
	const [closingEvent] = await db
		.select({ id: events.id })
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), like(events.title, 'Abschlussveranstaltung%')))
		.limit(1);
	for (const slug of relatedToFourthEdition) {
		const [article] = await db.select({ id: articles.id }).from(articles).where(and(eq(articles.municipalityId, municipalityId), eq(articles.slug, slug))).limit(1);
		if (!article) continue;
		await db.insert(articleContexts).values({ articleId: article.id, municipalityId, editionId: edition?.id ?? null, contactPointId: found.contactPoint?.id ?? null });
		if (closingEvent && slug === 'abschlussveranstaltung-im-historischen-rathaus') {
			await db.insert(articleEvents).values({ articleId: article.id, eventId: closingEvent.id, municipalityId });
		}
	}
}
