import { expect, it } from 'vitest';
import { readConfig } from './config';

it('DEMO_DAY takes a day of the calendar and names what is wrong with anything else', () => {
	expect(readConfig({ DEMO_DAY: '2027-03-01' }).demoDay).toBe('2027-03-01');
	expect(readConfig({}).demoDay).toBeUndefined();
	expect(() => readConfig({ DEMO_DAY: '1.3.2027' })).toThrow(/DEMO_DAY: a day as YYYY-MM-DD/);
	expect(() => readConfig({ DEMO_DAY: '2027-02-30' })).toThrow(/DEMO_DAY: a day of the calendar/);
	expect(() => readConfig({ DEMO_DAY: '2027-13-01' })).toThrow(/DEMO_DAY: a day of the calendar/);
});
