// The demo: its fictional data, loaded in order into an install that boot.ts found empty.
import type { Database } from '../db/client';
import { loadDataDescription } from '../db/load-data';
import { demoData } from './demo-data';
import { loadDemoIdeas } from './demo-ideas';
import { loadDemoOrganisations } from './demo-organisations';
import { loadDemoEvents } from './demo-events';
import { loadDemoPeople } from './demo-people';
import { loadDemoInvitations } from './demo-invitations';
import { loadDemoDocumentVersions } from './demo-document-versions';
import { loadDemoMonitoring } from './demo-monitoring';
import { loadDemoMonitoringDetail } from './demo-m-demo';
import { loadDemoCalendar } from './demo-calendar';
import { loadDemoDocumentComments } from './demo-document-comments';
import { loadDemoTrace } from './demo-trace';
import { loadDemoDistricts, loadDemoVenuePositions } from './demo-districts';
import { loadDemoLegalPages } from './demo-legal';
import { loadDemoNews } from './demo-news';
import { loadDemoCouncil } from './demo-council';
import { loadDemoOfficePositions } from './demo-seo';
import { loadDemoArticleContexts } from './demo-article-context';
import { loadDemoMedia } from './demo-media';
import { loadDemoDisclosure } from './demo-s-suppress';
import { loadDemoProvenance } from './demo-s-prov';
import { loadDemoReleaseCalendars } from './demo-s-stale';
import { loadDemoSnapshots } from './demo-s-snap';
import { loadDemoExchange } from './demo-exchange';
import path from 'node:path';
import { loadDemoContentTranslations } from './demo-content';
import { comingWeeksFrom } from './demo-coming-days';

/**
 * The whole demo, into an install the caller found empty (isInstallEmpty, under the migration lock).
 * `loadDay` (YYYY-MM-DD) is the day its coming events are planned from; `dataDir` is where uploads live,
 * without it the demo articles simply have no images.
 */
export async function loadDemo(db: Database, options: { loadDay: string; dataDir?: string }): Promise<void> {
	const comingWeeks = comingWeeksFrom(options.loadDay);
	await loadDataDescription(db, demoData);
	await loadDemoIdeas(db);
	await loadDemoOrganisations(db);
	await loadDemoEvents(db, comingWeeks);
	await loadDemoPeople(db);
	await loadDemoInvitations(db);
	// Before the versions: their snapshots must carry the lineage shared by the 3rd and 4th editions.
	await loadDemoTrace(db);
	await loadDemoDocumentVersions(db);
	await loadDemoMonitoring(db);
	await loadDemoMonitoringDetail(db);
	await loadDemoCalendar(db, comingWeeks);
	await loadDemoDocumentComments(db);
	await loadDemoDistricts(db);
	await loadDemoVenuePositions(db);
	await loadDemoLegalPages(db);
	await loadDemoNews(db);
	await loadDemoCouncil(db);
	await loadDemoOfficePositions(db);
	await loadDemoArticleContexts(db);
	await loadDemoContentTranslations(db);
	await loadDemoDisclosure(db);
	await loadDemoProvenance(db, comingWeeks);
	await loadDemoReleaseCalendars(db);
	await loadDemoSnapshots(db);
	await loadDemoExchange(db);
	if (options.dataDir) await loadDemoMedia(db, { dir: path.join(options.dataDir, 'uploads', 'media') });
}
