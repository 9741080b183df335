// Demo images: simple graphics drawn here and rendered by sharp, so the demo carries no photo of
// unknown origin. They go through the same checks and processing as every upload.
import type { Database } from '../db/client';
import { selectArticleIdsBySlug, upsertLeadImage } from '../media/article-media.queries';
import { importMediaAsSystem, type MediaStorage } from '../media/media.service';
import { loadSharp } from '../media/sharp';
import { selectMunicipalityIdBySlug } from '../participation/event.queries';
import { mediaMetadataSchema } from '$lib/validation/media';

type DemoImage = {
	municipality: 'muenster' | 'greven';
	articleSlugs: string[];
	colours: [string, string, string];
	altText: string;
	caption: string;
	credit: string;
	licence: 'cc0-1.0' | 'cc-by-4.0' | 'cc-by-sa-4.0' | 'all-rights-reserved';
};

const images: DemoImage[] = [
	{
		municipality: 'muenster',
		articleSlugs: ['abschlussveranstaltung-im-historischen-rathaus'],
		colours: ['#7a2e1d', '#d9a441', '#f4ead5'],
		altText: 'Grafik: Der Giebel des Historischen Rathauses als Umriss in Rot und Gold, davor viele kleine Kreise als Menschen.',
		caption: 'Zur Abschlussveranstaltung kamen Menschen aus allen Stadtbezirken ins Historische Rathaus.',
		credit: 'Grafik: Jana Beispiel, Amt für Integration',
		licence: 'cc-by-4.0'
	},
	{
		municipality: 'muenster',
		articleSlugs: ['rat-beschliesst-leitbild', 'auftakt-leitbild-migration-und-integration'],
		colours: ['#1d4f7a', '#5fa8d3', '#eef5fb'],
		altText: 'Grafik: Blaue Balken in verschiedenen Höhen, die wie eine Skyline ansteigen.',
		caption: 'Das Leitbild Migration und Integration – vom Auftakt bis zum Ratsbeschluss.',
		credit: 'Grafik: Amt für Integration der Stadt Münster (Demo)',
		licence: 'cc0-1.0'
	},
	{
		municipality: 'greven',
		articleSlugs: ['greven-startet-integrationskonzept'],
		colours: ['#2f6b3a', '#9ccf7a', '#f1f8ec'],
		altText: 'Grafik: Grüne Wellenlinien wie ein Fluss, darüber ein stilisierter Kirchturm.',
		caption: 'Greven an der Ems beginnt sein Integrationskonzept.',
		credit: 'Grafik: Tom Muster, Stadt Greven',
		licence: 'cc-by-sa-4.0'
	}
];

/** A 1600 × 900 graphic: a background, bands of colour and a row of circles standing for people. */
function drawing([dark, light, paper]: DemoImage['colours'], index: number) {
	const circles = Array.from({ length: 14 }, (_, i) => `<circle cx="${120 + i * 100}" cy="${700 - ((i * 37 + index * 53) % 120)}" r="${28 + ((i * 13) % 18)}" fill="${i % 2 ? dark : light}" />`).join('');
	const bars = Array.from({ length: 8 }, (_, i) => `<rect x="${180 + i * 160}" y="${420 - ((i * 61 + index * 29) % 260)}" width="110" height="${180 + ((i * 61 + index * 29) % 260)}" fill="${light}" opacity="0.55" />`).join('');
	return Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900"><rect width="1600" height="900" fill="${paper}" /><polygon points="800,80 1180,400 420,400" fill="${dark}" />${bars}${circles}<rect y="820" width="1600" height="80" fill="${dark}" /></svg>`
	);
}

/** Draws the demo graphics, stores them in the libraries and makes them the lead images of demo articles. */
export async function loadDemoMedia(db: Database, storage: MediaStorage): Promise<void> {
	const sharp = await loadSharp();
	for (const [index, image] of images.entries()) {
		const municipalityId = await selectMunicipalityIdBySlug(db, image.municipality);
		if (!municipalityId) continue;
		const bytes = await sharp(drawing(image.colours, index)).png().toBuffer();
		const input = mediaMetadataSchema.parse({ altText: image.altText, caption: image.caption, credit: image.credit, licence: image.licence });
		const asset = await importMediaAsSystem({ db, municipalityId, bytes, input, storage, system: 'demo' });
		const articleIds = await selectArticleIdsBySlug(db, municipalityId, image.articleSlugs);
		for (const articleId of articleIds.values()) await upsertLeadImage(db, { articleId, municipalityId, mediaId: asset.id });
	}
}
