import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { commentTargetsOf, getCommentList, getVersionComments } from '../document/document-comment.service';
import { getPublishedDocument } from '../document/document-version.service';
import { selectVersion } from '../document/document-version.queries';
import { demoData } from './demo-data';
import { loadDemoDocumentComments } from './demo-document-comments';
import { loadDemoDocumentVersions } from './demo-document-versions';
import { loadDemoIdeas } from './demo-ideas';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoIdeas(test.db);
	await loadDemoDocumentVersions(test.db);
	await loadDemoDocumentComments(test.db);
	// Loading twice must not double the history.
	await loadDemoDocumentComments(test.db);
}, 120_000);
afterAll(() => test.drop());

const scope = () => ({ db: test.db, municipalityId: test.ids.municipalityIds.get('muenster')!, strategySlug: 'migration-und-integration', number: 4 });

it('the demo’s 4th edition has comments on its latest draft: open ones, answered ones and one not taken into account with a reason', async () => {
	const { list, edition } = await getCommentList({ ...scope(), actor: null, status: null });
	expect(edition.stage).not.toBe('drafting');
	const comments = list!.groups.flatMap((group) => group.comments);
	expect(comments).toHaveLength(6);
	const statuses = comments.map((comment) => comment.status);
	expect(statuses.filter((status) => status === 'open')).toHaveLength(3);
	expect(statuses.filter((status) => status === 'taken_into_account')).toHaveLength(2);
	const refused = comments.filter((comment) => comment.status === 'not_taken_into_account');
	expect(refused).toHaveLength(1);
	expect(refused[0].answer).toMatch(/Integrationsrat/);
	expect(comments.every((comment) => comment.authorName && comment.mayChange === false)).toBe(true);
	expect(list!.closedByStage).toBe(true);
});

it('every demo comment points at a passage of its version, and the first draft keeps its own', async () => {
	const { municipalityId } = scope();
	const document = await getPublishedDocument({ ...scope(), versionNumber: 1 });
	const first = await selectVersion(test.db, municipalityId, document.edition.id, 1);
	const onFirst = await getVersionComments({ ...scope(), actor: null, edition: document.edition, version: document.version! });
	const anchors = new Set(commentTargetsOf(first!.snapshot).map((target) => target.anchor));
	expect(Object.keys(onFirst.byAnchor).every((anchor) => anchors.has(anchor))).toBe(true);
	expect(onFirst.total).toBe(1);
});
