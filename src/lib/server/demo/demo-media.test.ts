import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { selectArticleIdsBySlug } from '../media/article-media.queries';
import { getArticleLeadPicture } from '../media/article-media.service';
import { loadDemoMedia } from './demo-media';
import { loadDemoNews } from './demo-news';

let test: TestDatabase;
let storage: { dir: string };

beforeAll(async () => {
	storage = { dir: await mkdtemp(path.join(tmpdir(), 'demo-media-')) };
	test = await createTestDatabase({ municipalities: [{ slug: 'muenster', name: 'Münster' }, { slug: 'greven', name: 'Greven' }] });
	await loadDemoNews(test.db);
	await loadDemoMedia(test.db, storage);
});
afterAll(async () => {
	await test.drop();
	await rm(storage.dir, { recursive: true, force: true });
});

it('the closing-event article and the Greven article have generated lead images with credit and licence, stored in every variant', async () => {
	const muenster = test.ids.municipalityIds.get('muenster')!;
	const greven = test.ids.municipalityIds.get('greven')!;
	const closing = (await selectArticleIdsBySlug(test.db, muenster, ['abschlussveranstaltung-im-historischen-rathaus'])).get('abschlussveranstaltung-im-historischen-rathaus')!;
	const picture = await getArticleLeadPicture({ db: test.db, municipalityId: muenster, municipalitySlug: 'muenster', articleId: closing });
	expect(picture).toMatchObject({ width: 1600, height: 900, credit: 'Grafik: Jana Beispiel, Amt für Integration', licence: 'cc-by-4.0', decorative: false });
	expect(picture?.altText).toMatch(/Historischen Rathauses/);
	const grevenArticle = (await selectArticleIdsBySlug(test.db, greven, ['greven-startet-integrationskonzept'])).get('greven-startet-integrationskonzept')!;
	expect((await getArticleLeadPicture({ db: test.db, municipalityId: greven, municipalitySlug: 'greven', articleId: grevenArticle }))?.licence).toBe('cc-by-sa-4.0');
	// Three graphics, three widths, three formats each.
	expect((await readdir(storage.dir, { recursive: true })).filter((name) => /\.(avif|webp|jpg)$/.test(name))).toHaveLength(27);
});
