// The rows a search finds, read so that no more of them are read and ranked as a town's rows grow (only the
// word index's own lookup still takes longer). Every search of a kind a town may hold by the ten thousand uses
// it: ideas (the municipality's search and the ideas list), news and events.
import { and, desc, eq, getTableName, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';

/** Up to this many matches are read and ranked; with more, the newest come first. */
export const RANKED_MATCHES = 1000;

export type TextMatches = {
	/** Best first when `ranked`, else newest first. */
	matches: { id: string }[];
	/** Whether every match was read (and ranked); when not, there are more than RANKED_MATCHES. */
	ranked: boolean;
	/** How many match, up to RANKED_MATCHES + 1. */
	counted: number;
};

type Options = {
	/** The searched table, with its id and municipality columns, and the column its newest rows are told by. */
	table: PgTable;
	columns: { id: PgColumn; municipalityId: PgColumn; newest: PgColumn };
	municipalityId: string;
	/** Whatever else narrows the town's rows (edition, field, visibility). */
	scope: SQL | undefined;
	/** The text conditions, any of which makes a match; each must be served by the town's word index. */
	anyOf: SQL[];
	/**
	 * The same match as one condition, for the walk along the newest rows, which tests each row: where the words
	 * are computed from the row (news, events), one test computes them once instead of once for each condition.
	 */
	anyOfAtOnce?: SQL;
	rank: SQL<number>;
	/** How many of the newest to read when there are too many to rank: the page's end, plus one. */
	newest: number;
};

/**
 * PostgreSQL chooses between the word indexes and walking the town's rows newest first by its guess of how
 * many rows hold the words, and at a million ideas it guessed wrong both ways: a word in no idea, typed as a
 * beginning of a word too, was looked for in each of the town's 100,000 ideas in turn (61 ms); a word in every
 * twelfth idea had all 8,000 of its matches read and ranked. So the way is chosen here, in two steps of bounded
 * work: first each condition through its index only, stopping after RANKED_MATCHES + 1 matches; when there are
 * more, the newest `newest` along the town's rows, which many matches fill soon. Each condition is looked up
 * on its own and with the town alone: asked for either, or for the edition as well, PostgreSQL read all of the
 * town's or the edition's ideas through another index and checked the words in each.
 */
export async function selectTextMatches(db: Executor, { table, columns, municipalityId, scope, anyOf, anyOfAtOnce, rank, newest }: Options): Promise<TextMatches> {
	const town = eq(columns.municipalityId, municipalityId);
	// Named like the table, so that `scope` and `rank`, written against the table, apply to the rows found.
	const named = sql.identifier(getTableName(table));
	const newestName = sql.identifier(columns.newest.name);
	return db.transaction(async (tx) => {
		// Local to this transaction: with sequential and index scans priced out, only bitmap scans of the indexes remain.
		await setLocally(tx, { enable_seqscan: 'off', enable_indexscan: 'off', enable_indexonlyscan: 'off' });
		const found = new Map<string, { id: string; newest: Date; rank: number }>();
		let tooMany = false;
		for (const condition of anyOf) {
			// OFFSET 0 keeps the inner query apart, planned with the town and the words only; the outer one narrows and
			// stops at the limit. The matches leave the database only when they will be ranked: with more, one row says
			// so. Sent and parsed, the 1,001 rows of a common word cost the server more than finding them did (9 of 14 ms
			// at a million ideas).
			// Rows an earlier condition found are not ranked again: the beginnings of a word mostly find what the word did,
			// and ranking a news search's 165 matches cost 9 ms of the database's time, computing each article's words.
			const known = found.size === 0 ? sql`true` : sql`${named}."id" <> all(${sql.param([...found.keys()])}::uuid[])`;
			const { rows } = await tx.execute<{ id: string | null; newest: string | Date | null; rank: number | null; matched: number }>(
				sql`with "found" as materialized (
						select ${named}.* from (select * from ${table} where ${town} and ${condition} offset 0) as ${named}
						where ${scope ?? sql`true`} and ${known} limit ${RANKED_MATCHES + 1}
					), "counted" as (select count(*)::int as matched from "found")
					select ${named}."id", ${named}.${newestName} as "newest", ${rank} as rank, "counted"."matched"
					from "counted" left join "found" as ${named} on "counted"."matched" <= ${RANKED_MATCHES}`
			);
			for (const row of rows) {
				if (row.id !== null) found.set(row.id, { id: row.id, newest: new Date(row.newest!), rank: Number(row.rank) });
			}
			// `matched` counts the rows new to this condition: with those found before, more than are ranked is too many.
			tooMany = (rows[0]?.matched ?? 0) > RANKED_MATCHES || found.size > RANKED_MATCHES;
			if (tooMany) break;
		}
		if (!tooMany) {
			const matches = [...found.values()].sort((a, b) => b.rank - a.rank || b.newest.getTime() - a.newest.getTime() || (a.id < b.id ? 1 : -1));
			return { matches, ranked: true, counted: matches.length };
		}
		await setLocally(tx, { enable_indexscan: 'on', enable_bitmapscan: 'off' });
		const latest = await tx
			.select({ id: columns.id })
			.from(table)
			.where(and(town, scope, anyOfAtOnce ?? or(...anyOf)))
			.orderBy(desc(columns.newest), desc(columns.id))
			.limit(newest);
		return { matches: latest as { id: string }[], ranked: false, counted: RANKED_MATCHES + 1 };
	});
}

/** Rows read by id, put back in the order of `ids` (the order the matches were chosen in). */
export function inOrderOf<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): Row[] {
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

async function setLocally(tx: Executor, settings: Record<string, string>): Promise<void> {
	const calls = Object.entries(settings).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
	await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}
