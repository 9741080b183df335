import { z } from 'zod';

const peerId = z.uuid();

/** The `?peer=` of an indicator page: another municipality's indicator id, anything else compares with nothing. */
export function peerCompareParam(value: string | null): string | null {
	const parsed = peerId.safeParse(value);
	return parsed.success ? parsed.data : null;
}
