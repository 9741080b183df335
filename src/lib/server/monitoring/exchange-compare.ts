// An indicator against the same indicator of another municipality on this installation: matched by
// code, read only from that municipality's published editions (adopted or later, never drafts) and
// only through its own disclosure control, exactly as its public pages would show the values.
import type { Executor } from '../db/client';
import type { EditionStage } from '../document/document.schema';
import { loadDisclosure } from './disclosure.service';
import { formatPeriod } from './measurement-period';
import { MAX_PEERS, selectCityTotals, selectPeerIndicators } from './exchange.queries';

/** Stages in which an edition's indicators are public commitments rather than drafts. */
export const PUBLISHED_STAGES: readonly EditionStage[] = ['adopted', 'implementing', 'reviewing', 'superseded'];

/** How many of each series' newest city totals the comparison shows. */
export const MAX_COMPARED_PERIODS = 40;

export type PeerIndicator = {
	indicatorId: string;
	name: string;
	unit: string;
	municipalityId: string;
	municipalitySlug: string;
	municipalityName: string;
	strategySlug: string;
	editionNumber: number;
};

/** A published value; `qualifier` `<` with value 5 reads "less than 5". */
export type ShownValue = { value: number; qualifier: string | null };

export type PeerComparison = {
	peer: PeerIndicator;
	/** One row per period either side published, oldest first; null where that side shows no value. */
	rows: { period: string; measuredOn: string; own: ShownValue | null; peer: ShownValue | null }[];
};

/** Other municipalities publishing an indicator with this code, one each (its newest published edition). */
export async function listPeerIndicators({ db, municipalityId, code }: { db: Executor; municipalityId: string; code: string }): Promise<PeerIndicator[]> {
	const rows = await selectPeerIndicators(db, { municipalityId, code, stages: PUBLISHED_STAGES });
	const seen = new Set<string>();
	const peers: PeerIndicator[] = [];
	for (const row of rows) {
		if (seen.has(row.municipalityId)) continue;
		seen.add(row.municipalityId);
		peers.push(row);
	}
	return peers.slice(0, MAX_PEERS);
}

async function publishedCityTotals(db: Executor, municipalityId: string, indicator: { id: string; unit: string }) {
	const rows = await selectCityTotals(db, { municipalityId, indicatorId: indicator.id, limit: MAX_COMPARED_PERIODS });
	const disclosure = await loadDisclosure(db, municipalityId, [indicator], { recentPeriods: Math.max(1, new Set(rows.map((row) => row.measuredOn)).size) });
	return rows.flatMap((row) => {
		const { value, qualifier } = disclosure.of(row.id);
		return value === null ? [] : [{ period: formatPeriod({ kind: row.periodKind, start: row.periodStart, end: row.periodEnd }), measuredOn: row.measuredOn, shown: { value, qualifier } }];
	});
}

/**
 * The peers of an indicator and, when `peerIndicatorId` names one of them, both series' published
 * city totals side by side. An id that is not a published peer compares with nothing.
 */
export async function compareWithPeer({
	db,
	municipalityId,
	indicator,
	peerIndicatorId
}: {
	db: Executor;
	municipalityId: string;
	indicator: { id: string; code: string; unit: string };
	peerIndicatorId: string | null;
}): Promise<{ peers: PeerIndicator[]; comparison: PeerComparison | null }> {
	const peers = await listPeerIndicators({ db, municipalityId, code: indicator.code });
	const peer = peerIndicatorId ? peers.find((p) => p.indicatorId === peerIndicatorId) : undefined;
	if (!peer) return { peers, comparison: null };
	const [own, theirs] = await Promise.all([
		publishedCityTotals(db, municipalityId, indicator),
		publishedCityTotals(db, peer.municipalityId, { id: peer.indicatorId, unit: peer.unit })
	]);
	const byPeriod = new Map<string, PeerComparison['rows'][number]>();
	for (const row of own) byPeriod.set(row.period, { period: row.period, measuredOn: row.measuredOn, own: row.shown, peer: null });
	for (const row of theirs) {
		const known = byPeriod.get(row.period);
		if (known) known.peer = row.shown;
		else byPeriod.set(row.period, { period: row.period, measuredOn: row.measuredOn, own: null, peer: row.shown });
	}
	const rows = [...byPeriod.values()].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.period.localeCompare(b.period));
	return { peers, comparison: { peer, rows } };
}
