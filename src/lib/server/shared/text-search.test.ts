import { expect, it } from 'vitest';
import { wordBeginnings } from './text-search';

it('reads plain words as their beginnings, so that other endings match too', () => {
	expect(wordBeginnings('Sprachkurse am Abend')).toBe('sprachkur:* & abend:*');
	expect(wordBeginnings('Kita')).toBe('kita:*');
});

it('leaves queries with operators to the web-search reading alone, and never passes on syntax', () => {
	expect(wordBeginnings('"frühe Bildung"')).toBeNull();
	expect(wordBeginnings('Kita -Schule')).toBeNull();
	expect(wordBeginnings('Kita or Schule')).toBeNull();
	expect(wordBeginnings("a') | !(b:* & c")).toBeNull();
	expect(wordBeginnings("x'):* | !(y")).toBeNull();
	expect(wordBeginnings('Tür&Tor | !Haus')).toBe('tür:* & tor:* & haus:*');
});
