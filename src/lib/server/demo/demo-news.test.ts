import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { listArticles, listArticlesOfTag } from '../news/article.service';
import { loadDemoNews } from './demo-news';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase({ municipalities: [{ slug: 'muenster', name: 'Münster' }, { slug: 'greven', name: 'Greven' }] });
	await loadDemoNews(test.db);
});
afterAll(async () => {
	await test.drop();
});

it('the demo tells the Münster process from the closing event to the council decision, with a non-ASCII hashtag, and one Greven article', async () => {
	const muenster = test.ids.municipalityIds.get('muenster')!;
	const { articles } = await listArticles({ db: test.db, municipalityId: muenster });
	expect(articles).toHaveLength(7);
	expect(articles.map((article) => article.slug)).toEqual(expect.arrayContaining(['abschlussveranstaltung-im-historischen-rathaus', 'rat-beschliesst-leitbild']));
	expect((await listArticlesOfTag({ db: test.db, municipalityId: muenster, key: 'göç' })).articles).toHaveLength(1);
	expect((await listArticles({ db: test.db, municipalityId: test.ids.municipalityIds.get('greven')! })).articles).toHaveLength(1);
});
