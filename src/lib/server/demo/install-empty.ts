import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { municipalities } from '../tenancy/tenancy.schema';

/** An install without any municipality is new: the demo may be loaded into it. */
export async function isInstallEmpty(db: Database): Promise<boolean> {
	const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(municipalities);
	return row.count === 0;
}
