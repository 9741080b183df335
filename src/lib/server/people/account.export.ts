import type { Executor } from '../db/client';

/**
 * Where other domains add what a person contributed to "Download all my data". Each section is one
 * key of `contributions` in the export; a domain appends `{ key, collect }` to this list from its
 * own module (e.g. participation: ideas, comments, supports, event registrations). `collect` must
 * return only rows that belong to `userId` and stay bounded.
 */
export type AccountExportSection = {
	key: string;
	collect: (db: Executor, userId: string) => Promise<unknown>;
};

export const accountExportSections: AccountExportSection[] = [];
