import path from 'node:path';
import { getRuntime } from '../runtime';
import type { AnnualReportExport, ReportStorage } from './report.service';

// Generated reports are a cache: deleting the directory only costs the time to generate them again.
export const reportStorage = (): ReportStorage => {
	const { config } = getRuntime();
	return {
		cacheDir: path.join(config.dataDir, 'cache', 'annual-reports'),
		fontDir: path.join(config.projectRoot, 'src', 'lib', 'server', 'document', 'export', 'fonts')
	};
};

/**
 * A newly generated report changes the size the monitor names beside its link. Reports are generated
 * only after the edition's data changed (which emptied the page cache anyway) or on a year's first
 * download, so this rarely costs anything.
 */
export function forgetPagesLinkingTo(file: AnnualReportExport): void {
	if (!file.cached) getRuntime().publicPages.clear();
}

/**
 * The report shown in the browser, revalidated by its ETag (the hash of what it shows). Monitoring
 * data change at any time, so shared caches keep it only briefly.
 */
export function reportResponse(request: Request, file: AnnualReportExport): Response {
	const headers = {
		'content-type': file.contentType,
		'content-disposition': `inline; filename="${file.fileName}"`,
		'cache-control': 'public, max-age=300',
		etag: file.etag
	};
	if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(file.bytes), { headers: { ...headers, 'content-length': String(file.bytes.byteLength) } });
}
