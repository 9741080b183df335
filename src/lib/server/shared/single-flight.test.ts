import { expect, it } from 'vitest';
import { SingleFlight } from './single-flight';

it('gives calls while a key runs that run’s result, and runs again once it has settled', async () => {
	const flights = new SingleFlight<number>();
	let runs = 0;
	let finish = () => {};
	const work = () => new Promise<number>((resolve) => (finish = () => resolve(++runs)));
	const first = flights.run('feed', work);
	const second = flights.run('feed', work);
	expect(flights.size).toBe(1);
	finish();
	expect(await Promise.all([first, second])).toEqual([1, 1]);
	expect(flights.size).toBe(0);
	const third = flights.run('feed', work);
	finish();
	expect(await third).toBe(2);
});

it('shares a failure with the calls that waited for it and forgets it, and keeps keys apart', async () => {
	const flights = new SingleFlight<string>();
	let fail = (_error: Error) => {};
	const failing = flights.run('a', () => new Promise<string>((_resolve, reject) => (fail = reject)));
	const waiting = flights.run('a', async () => 'not run');
	const other = flights.run('b', async () => 'b');
	fail(new Error('database gone'));
	await expect(failing).rejects.toThrow('database gone');
	await expect(waiting).rejects.toThrow('database gone');
	expect(await other).toBe('b');
	expect(await flights.run('a', async () => 'again')).toBe('again');
});
