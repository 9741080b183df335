import type { RequestHandler } from './$types';
import { metricsResponse } from '$lib/server/observability/metrics';
import { getRuntime } from '$lib/server/runtime';

export const GET: RequestHandler = ({ request }) => {
	const { metrics, config } = getRuntime();
	return metricsResponse(metrics, config.metricsToken, request.headers.get('authorization'));
};
