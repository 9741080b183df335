// Demo news: the Münster process told as press releases, from the first workshop to the council
// decision and the first year of implementation, and one article from Greven. All people are fictional.
import type { Database } from '../db/client';
import { insertArticle, insertRevision, replaceArticleTags } from '../news/article.queries';
import { extractHashtags } from '../news/tag';
import { wallClockToUtc } from '../participation/event.time';
import { selectMunicipalityIdBySlug } from '../participation/event.queries';
import { demoArticleIds } from './demo-news-ids';

type DemoArticle = { municipality: 'muenster' | 'greven'; slug: string; title: string; lead: string; body: string; place: string; publishedAt: string };

const articles: DemoArticle[] = [
	{
		municipality: 'muenster',
		slug: 'auftakt-leitbild-migration-und-integration',
		title: 'Auftakt: Münster schreibt sein Leitbild Migration und Integration fort',
		lead: 'Die Stadt lädt alle Münsteranerinnen und Münsteraner ein, die vierte Auflage des Leitbilds mitzugestalten.',
		body: 'Zehn Jahre nach der ersten Fassung beginnt die Fortschreibung. Bis Januar sind Werkstätten in allen Stadtbezirken geplant, dazu eine Beteiligung im Netz.\n\n„Wir wollen hören, was sich im Alltag verändert hat – in der Kita, im Betrieb, im Sportverein“, sagt die Leiterin des Amtes für Integration.\n\nAlle Termine stehen im Kalender. #Münster #Integration #Beteiligung',
		place: 'Münster',
		publishedAt: '2024-09-12T10:00'
	},
	{
		municipality: 'muenster',
		slug: 'werkstatt-sprache-und-bildung',
		title: 'Werkstatt Sprache und Bildung: Viele Ideen aus Kinderhaus',
		lead: 'Rund 60 Menschen diskutierten im Familienzentrum über Sprachförderung vom Kindergarten bis zum Beruf.',
		body: 'In fünf Tischrunden sammelten Eltern, Lehrkräfte und Vereine mehr als 80 Vorschläge. Besonders oft genannt: mehrsprachige Elternabende und mehr Plätze in Integrationskursen mit Kinderbetreuung.\n\nDie Vorschläge sind als Ideen auf der Beteiligungsseite nachzulesen und können dort kommentiert werden. #Sprache #Bildung #Kinderhaus',
		place: 'Münster',
		publishedAt: '2024-10-08T14:30'
	},
	{
		municipality: 'muenster',
		slug: 'tuerkischsprachige-werkstatt',
		title: 'Werkstatt auf Türkisch und Deutsch: „Göç hikâyemiz – unsere Geschichte“',
		lead: 'Erstmals fand eine Werkstatt des Leitbildprozesses zweisprachig statt.',
		body: 'Gemeinsam mit einem Elternverein lud das Amt für Integration zu einem zweisprachigen Abend ein. Die Gespräche drehten sich um die erste Generation, um Pflege im Alter und um Anerkennung.\n\nDie Ergebnisse fließen in das Handlungsfeld „Zusammenleben“ ein. #Göç #Integration #Mehrsprachigkeit',
		place: 'Münster',
		publishedAt: '2024-11-21T09:00'
	},
	{
		municipality: 'muenster',
		slug: 'abschlussveranstaltung-im-historischen-rathaus',
		title: 'Abschlussveranstaltung im Historischen Rathaus',
		lead: 'Am Freitag, 24. Januar 2025, stellten die Fachgruppen ihre Ergebnisse im Festsaal des Historischen Rathauses vor.',
		body: 'Rund 150 Gäste kamen in den Festsaal. Die sechs Fachgruppen präsentierten ihre Ziele und Maßnahmen an Stellwänden; anschließend diskutierte ein Podium mit Vertreterinnen und Vertretern von Migrantenselbstorganisationen, Verwaltung und Politik.\n\n## Wie es weitergeht\n\nDas Amt für Integration fasst die Ergebnisse zu einem Entwurf zusammen, der im Februar dem Rat vorgelegt wird. #Münster #Leitbild #Abschluss',
		place: 'Münster',
		publishedAt: '2025-01-24T21:00'
	},
	{
		municipality: 'muenster',
		slug: 'entwurf-veroeffentlicht',
		title: 'Entwurf des Leitbilds veröffentlicht',
		lead: 'Der Entwurf der vierten Auflage ist online; Kommentare zu einzelnen Absätzen sind bis 14. Februar möglich.',
		body: 'Der Entwurf umfasst sechs Handlungsfelder mit 24 Zielen und 61 Maßnahmen. Wer möchte, kann jeden Absatz kommentieren.\n\nAuf Wunsch liegt eine gedruckte Fassung im Stadthaus 1 aus. #Leitbild #Beteiligung',
		place: 'Münster',
		publishedAt: '2025-02-03T11:00'
	},
	{
		municipality: 'muenster',
		slug: 'rat-beschliesst-leitbild',
		title: 'Rat der Stadt beschließt das Leitbild Migration und Integration',
		lead: 'In seiner Sitzung am 26. Februar 2025 hat der Rat die vierte Auflage des Leitbilds für die Jahre 2025 bis 2030 beschlossen.',
		body: 'Der Beschluss fiel mit großer Mehrheit. Damit beginnt die Umsetzung: Für jede Maßnahme sind nun verantwortliche Stellen benannt, ein jährlicher Bericht zeigt den Fortschritt.\n\nDer Integrationsrat hatte den Entwurf zuvor einstimmig empfohlen. #Münster #Integration #Ratsbeschluss',
		place: 'Münster',
		publishedAt: '2025-02-26T19:30'
	},
	{
		municipality: 'muenster',
		slug: 'erster-umsetzungsbericht',
		title: 'Ein Jahr Umsetzung: der erste Bericht',
		lead: 'Von 61 Maßnahmen sind 19 abgeschlossen oder laufen planmäßig; bei fünf gibt es Verzögerungen.',
		body: 'Der Bericht zeigt auch, wo es hakt: Bei der Anerkennung ausländischer Berufsabschlüsse sind die Wartezeiten noch zu lang.\n\nVor dem nächsten Jahresbericht trifft sich die Begleitgruppe, um nachzusteuern. #Monitoring #Integration',
		place: 'Münster',
		publishedAt: '2026-03-10T10:00'
	},
	{
		municipality: 'greven',
		slug: 'greven-startet-integrationskonzept',
		title: 'Greven startet sein Integrationskonzept',
		lead: 'Nach dem Vorbild der Nachbarstadt beginnt auch Greven einen Beteiligungsprozess.',
		body: 'Den Anfang macht eine Werkstatt zu Arbeit und Ausbildung im Ratssaal. Eingeladen sind Betriebe, Kammern, Beratungsstellen und alle Interessierten. #Greven #Integration',
		place: 'Greven',
		publishedAt: '2026-10-15T09:00'
	}
];

export async function loadDemoNews(db: Database): Promise<void> {
	await db.transaction(async (tx) => {
		for (const demo of articles) {
			const municipalityId = await selectMunicipalityIdBySlug(tx, demo.municipality);
			if (!municipalityId) continue;
			const publishedAt = wallClockToUtc(demo.publishedAt, 'Europe/Berlin');
			const values = { slug: demo.slug, title: demo.title, lead: demo.lead, body: demo.body, place: demo.place, status: 'published' as const, publishedAt };
			const fixedId = demo.slug === 'rat-beschliesst-leitbild' || demo.municipality === 'greven' ? demoArticleIds[demo.municipality] : undefined;
			const article = await insertArticle(tx, { ...(fixedId ? { id: fixedId } : {}), municipalityId, ...values, authorName: 'Amt für Integration', revisionCount: 1, createdAt: publishedAt, updatedAt: publishedAt });
			const tags = extractHashtags(demo.body);
			await replaceArticleTags(tx, municipalityId, article.id, tags);
			await insertRevision(tx, {
				municipalityId,
				articleId: article.id,
				number: 1,
				content: { ...values, publishedAt: publishedAt.toISOString(), tags: tags.map((tag) => tag.display) },
				savedByName: 'Amt für Integration (Demo)',
				savedAt: publishedAt
			});
		}
	});
}
