import { DateTime } from 'luxon';
import {
	describeWindow,
	resolveCustomWindow,
	resolveLastPeriod,
	resolvePreviousPeriod,
	resolveTimeWindow,
	TimeWindowError,
	toDateTime,
} from '../../nodes/TrackstarOnDemandSync/helpers/timeWindow';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';

function at(iso: string, zone = 'UTC'): DateTime {
	const dt = DateTime.fromISO(iso, { zone });
	if (!dt.isValid) throw new Error(`bad test fixture ${iso}`);
	return dt;
}

function utc(dt: DateTime): string {
	return dt.toUTC().toISO() as string;
}

// Asserts the error type and its data, not just "it throws", so a wrong field or an
// unhelpful message fails the test.
function expectWindowError(fn: () => unknown, field: string, fragment: string | RegExp): TimeWindowError {
	let caught: unknown;
	try {
		fn();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(TimeWindowError);
	const err = caught as TimeWindowError;
	expect(err.field).toBe(field);
	if (typeof fragment === 'string') expect(err.message).toContain(fragment);
	else expect(err.message).toMatch(fragment);
	return err;
}

describe('TimeWindowError', () => {
	it('is an Error carrying the parameter name', () => {
		const err = new TimeWindowError('lastUnit', 'bad unit');
		expect(err).toBeInstanceOf(Error);
		expect(err).toBeInstanceOf(TimeWindowError);
		expect(err.name).toBe('TimeWindowError');
		expect(err.field).toBe('lastUnit');
		expect(err.message).toBe('bad unit');
	});
});

describe('toDateTime', () => {
	it('reads an ISO string with Z as UTC regardless of the zone', () => {
		const dt = toDateTime('2025-12-01T00:00:00Z', 'startTime', NY);
		expect(utc(dt)).toBe('2025-12-01T00:00:00.000Z');
		expect(dt.offset).toBe(0);
	});

	it('keeps an explicit +02:00 offset', () => {
		const dt = toDateTime('2025-12-01T10:00:00+02:00', 'startTime', NY);
		expect(dt.offset).toBe(120);
		expect(dt.toISO()).toBe('2025-12-01T10:00:00.000+02:00');
		expect(utc(dt)).toBe('2025-12-01T08:00:00.000Z');
	});

	it.each([
		['2025-12-01T10:00:00', NY, '2025-12-01T15:00:00.000Z'],
		['2025-07-01T10:00:00', NY, '2025-07-01T14:00:00.000Z'],
		['2025-12-01T10:00:00', BERLIN, '2025-12-01T09:00:00.000Z'],
		['2025-07-01T10:00:00', BERLIN, '2025-07-01T08:00:00.000Z'],
		['2025-12-01T10:00:00', KOLKATA, '2025-12-01T04:30:00.000Z'],
		['2025-12-01T10:00', KOLKATA, '2025-12-01T04:30:00.000Z'],
	])('reads zone-less %s in %s', (input, zone, expected) => {
		const dt = toDateTime(input, 'startTime', zone);
		expect(utc(dt)).toBe(expected);
		expect(dt.zoneName).toBe(zone);
	});

	it('reads a date-only value as local midnight', () => {
		expect(utc(toDateTime('2025-12-01', 'startTime', NY))).toBe('2025-12-01T05:00:00.000Z');
		expect(utc(toDateTime('2025-12-01', 'startTime', KOLKATA))).toBe('2025-11-30T18:30:00.000Z');
	});

	it('reads SQL-like values in the zone, and trims blanks', () => {
		expect(utc(toDateTime('2025-12-01 10:00:00', 'endTime', BERLIN))).toBe('2025-12-01T09:00:00.000Z');
		expect(utc(toDateTime('  2025-12-01 10:00:00 ', 'endTime', NY))).toBe('2025-12-01T15:00:00.000Z');
		expect(utc(toDateTime('2025-12-01 10:00:00 +02:00', 'endTime', NY))).toBe('2025-12-01T08:00:00.000Z');
	});

	it('returns a luxon DateTime of this copy unchanged, zone included', () => {
		const input = DateTime.fromISO('2025-12-01T09:00:00', { zone: 'Asia/Tokyo' });
		const dt = toDateTime(input, 'startTime', NY);
		expect(dt).toBe(input);
		expect(dt.zoneName).toBe('Asia/Tokyo');
		expect(utc(dt)).toBe('2025-12-01T00:00:00.000Z');
	});

	it('accepts a DateTime from another luxon copy, keeping its zone', () => {
		let Foreign: typeof DateTime | undefined;
		jest.isolateModules(() => {
			Foreign = (require('luxon') as typeof import('luxon')).DateTime;
		});
		expect(Foreign).toBeDefined();
		expect(Foreign).not.toBe(DateTime);
		const foreign = Foreign!.fromISO('2025-12-01T09:00:00', { zone: 'Asia/Tokyo' });
		expect(foreign instanceof DateTime).toBe(false);

		const dt = toDateTime(foreign, 'startTime', NY);
		expect(dt instanceof DateTime).toBe(true);
		expect(dt.zoneName).toBe('Asia/Tokyo');
		expect(utc(dt)).toBe('2025-12-01T00:00:00.000Z');
	});

	it('accepts duck-typed DateTime objects, falling back to the zone for unknown zone names', () => {
		const tokyo = toDateTime({ toMillis: () => 1764547200000, isValid: true, zoneName: 'Asia/Tokyo' }, 'startTime', NY);
		expect(tokyo.zoneName).toBe('Asia/Tokyo');
		expect(utc(tokyo)).toBe('2025-12-01T00:00:00.000Z');

		const fixed = toDateTime({ toMillis: () => 1764547200000, isValid: true, zoneName: 'UTC+2' }, 'startTime', NY);
		expect(fixed.zoneName).toBe(NY);
		expect(utc(fixed)).toBe('2025-12-01T00:00:00.000Z');
	});

	it('accepts a JS Date, shown in the zone', () => {
		const dt = toDateTime(new Date('2025-12-01T00:00:00Z'), 'startTime', NY);
		expect(utc(dt)).toBe('2025-12-01T00:00:00.000Z');
		expect(dt.zoneName).toBe(NY);
		expect(dt.toISO()).toBe('2025-11-30T19:00:00.000-05:00');
	});

	it('accepts epoch milliseconds as a number or a 13-digit string', () => {
		expect(utc(toDateTime(1764547200000, 'startTime', BERLIN))).toBe('2025-12-01T00:00:00.000Z');
		expect(utc(toDateTime('1764547200000', 'startTime', BERLIN))).toBe('2025-12-01T00:00:00.000Z');
		expect(toDateTime(1764547200000, 'startTime', BERLIN).zoneName).toBe(BERLIN);
	});

	const invalidDateTime = DateTime.invalid('test reason', 'the expression was wrong');

	it.each<[string, unknown, 'startTime' | 'endTime', string | RegExp]>([
		['empty string', '', 'startTime', 'The value is empty'],
		['blank string', '   ', 'endTime', 'The value is empty'],
		['undefined', undefined, 'startTime', 'The value is empty'],
		['null', null, 'endTime', 'The value is empty'],
		['gibberish', 'not a date', 'startTime', '"not a date" is not a valid date and time. Use ISO 8601, e.g. 2025-12-01T00:00:00Z'],
		['US format', '12/01/2025', 'startTime', '"12/01/2025" is not a valid date and time'],
		['day out of range', '2025-02-30', 'startTime', '"2025-02-30" is not a valid date and time'],
		['month out of range', '2025-13-01T00:00:00Z', 'endTime', '"2025-13-01T00:00:00Z" is not a valid'],
		['year only', '2025', 'startTime', '"2025" is not a valid date and time'],
		['trailing junk', '2025-12-01T00:00:00Z tomorrow', 'startTime', 'is not a valid date and time'],
		['NaN', Number.NaN, 'startTime', 'NaN is not a valid timestamp'],
		['Infinity', Number.POSITIVE_INFINITY, 'endTime', 'Infinity is not a valid timestamp'],
		['-Infinity', Number.NEGATIVE_INFINITY, 'endTime', '-Infinity is not a valid timestamp'],
		['too large', 1e20, 'startTime', 'outside the range of supported timestamps'],
		['boolean', true, 'startTime', 'The value is the boolean true, not a date'],
		['object', { when: '2025-12-01' }, 'startTime', 'The value is an object, not a date'],
		['array', ['2025-12-01'], 'endTime', 'The value is a list, not a date'],
		['invalid Date', new Date('nope'), 'startTime', 'invalid JavaScript Date'],
		['invalid DateTime', invalidDateTime, 'endTime', 'invalid date (the expression was wrong)'],
		['invalid duck DateTime', { toMillis: () => Number.NaN, isValid: false }, 'startTime', 'The value is an invalid date.'],
		['duck DateTime without timestamp', { toMillis: () => 'x', isValid: true }, 'startTime', 'no usable timestamp'],
		['epoch seconds number', 1764547200, 'startTime', '1764547200 reads as 1970-01-21T10:09:07Z, so it looks like epoch seconds'],
		['epoch seconds string', '1764547200', 'startTime', 'looks like epoch seconds. This field takes epoch milliseconds: multiply by 1000 (e.g. 1764547200000)'],
		['other digits', '12345', 'startTime', '"12345" is not a valid date and time'],
		['last century', '1999-12-31T23:59:59Z', 'endTime', '1999-12-31T23:59:59Z is before 2000-01-01'],
	])('rejects %s', (_name, value, field, fragment) => {
		expectWindowError(() => toDateTime(value, field, NY), field, fragment);
	});

	it('truncates long invalid values to 40 characters in the message', () => {
		const long = 'x'.repeat(100);
		const err = expectWindowError(() => toDateTime(long, 'startTime', NY), 'startTime', `"${'x'.repeat(40)}…"`);
		expect(err.message).not.toContain('x'.repeat(41));
	});

	it('rejects an invalid zone, naming it', () => {
		expectWindowError(() => toDateTime('2025-12-01', 'startTime', 'Mars/Base'), 'timeWindow', '"Mars/Base" is not a valid IANA time zone');
	});
});

describe('resolveCustomWindow', () => {
	const now = at('2026-06-15T12:00:00Z');

	it('resolves local dates to exact UTC strings', () => {
		const w = resolveCustomWindow('2025-12-01', '2025-12-02T00:00:00', NY, now);
		expect(w.startIso).toBe('2025-12-01T05:00:00Z');
		expect(w.endIso).toBe('2025-12-02T05:00:00Z');
		expect(utc(w.start)).toBe('2025-12-01T05:00:00.000Z');
		expect(utc(w.end)).toBe('2025-12-02T05:00:00.000Z');
		expect(w.start.zoneName).toBe('UTC');
	});

	it('sends whole seconds only', () => {
		const w = resolveCustomWindow('2026-06-01T00:00:00.900Z', 1781524799999, 'UTC', now);
		expect(w.startIso).toBe('2026-06-01T00:00:00Z');
		expect(w.endIso).toBe('2026-06-15T11:59:59Z');
		expect(w.start.millisecond).toBe(0);
	});

	it('rejects start after end, quoting both in UTC', () => {
		expectWindowError(
			() => resolveCustomWindow('2025-12-02T00:00:00+01:00', '2025-12-01T00:00:00', NY, now),
			'endTime',
			'The end (2025-12-01T05:00:00Z) must be after the start (2025-12-01T23:00:00Z)',
		);
	});

	it('rejects start equal to end, also when they only differ below a second', () => {
		expectWindowError(() => resolveCustomWindow('2025-12-01', '2025-12-01T00:00:00', 'UTC', now), 'endTime', 'must be after the start');
		expectWindowError(
			() => resolveCustomWindow('2025-12-01T00:00:00.100Z', '2025-12-01T00:00:00.900Z', 'UTC', now),
			'endTime',
			'The end (2025-12-01T00:00:00Z) must be after the start (2025-12-01T00:00:00Z)',
		);
	});

	it('rejects a start in the future', () => {
		expectWindowError(
			() => resolveCustomWindow('2026-06-15T12:00:01Z', '2026-06-15T12:03:00Z', 'UTC', now),
			'startTime',
			'The start (2026-06-15T12:00:01Z) is in the future (now is 2026-06-15T12:00:00Z). On-demand syncs pull data that already exists',
		);
	});

	it('allows an end up to 5 minutes after now for clock skew, not more', () => {
		expect(resolveCustomWindow('2026-06-15T00:00:00Z', '2026-06-15T12:05:00Z', 'UTC', now).endIso).toBe('2026-06-15T12:05:00Z');
		expectWindowError(
			() => resolveCustomWindow('2026-06-15T00:00:00Z', '2026-06-15T12:05:01Z', 'UTC', now),
			'endTime',
			'The end (2026-06-15T12:05:01Z) is in the future (now is 2026-06-15T12:00:00Z)',
		);
	});

	it('reports the first invalid parameter with its own field', () => {
		expectWindowError(() => resolveCustomWindow('2025-12-01', 'soon', NY, now), 'endTime', '"soon"');
		expectWindowError(() => resolveCustomWindow(undefined, '2025-12-01', NY, now), 'startTime', 'empty');
	});

	it.each([['Mars/Base'], [''], ['UTC+2'], ['EST5EDT nonsense']])('rejects the invalid zone %j', (zone) => {
		expectWindowError(
			() => resolveCustomWindow('2025-12-01', '2025-12-02', zone, now),
			'timeWindow',
			`${JSON.stringify(zone)} is not a valid IANA time zone. Set the workflow's Timezone setting`,
		);
	});

	it('treats a bad `now` as a programming error', () => {
		expect(() => resolveCustomWindow('2025-12-01', '2025-12-02', 'UTC', DateTime.invalid('x'))).toThrow(TypeError);
	});
});

describe('resolveLastPeriod', () => {
	const now = at('2026-06-15T12:34:56.789Z');

	it.each<[unknown, string, string]>([
		[24, 'hours', '2026-06-14T12:34:56Z'],
		[1, 'hours', '2026-06-15T11:34:56Z'],
		[3, 'days', '2026-06-12T12:34:56Z'],
		[2, 'weeks', '2026-06-01T12:34:56Z'],
		['3', 'days', '2026-06-12T12:34:56Z'],
		[' 12 ', 'hours', '2026-06-15T00:34:56Z'],
		[43800, 'hours', '2021-06-16T12:34:56Z'],
		[1826, 'days', '2021-06-15T12:34:56Z'],
		[260, 'weeks', '2021-06-21T12:34:56Z'],
	])('last %j %s', (amount, unit, startIso) => {
		const w = resolveLastPeriod(amount, unit, now);
		expect(w.startIso).toBe(startIso);
		expect(w.endIso).toBe('2026-06-15T12:34:56Z');
	});

	it('counts a day as 24 real hours across the spring-forward change', () => {
		const w = resolveLastPeriod(1, 'days', at('2026-03-09T12:00:00', NY));
		expect(w.startIso).toBe('2026-03-08T16:00:00Z');
		expect(w.endIso).toBe('2026-03-09T16:00:00Z');

		// Noon on the 23-hour day itself: calendar arithmetic would give 23 hours.
		const sameDay = resolveLastPeriod(1, 'days', at('2026-03-08T12:00:00', NY));
		expect(sameDay.startIso).toBe('2026-03-07T16:00:00Z');
		expect(sameDay.endIso).toBe('2026-03-08T16:00:00Z');
		expect(sameDay.end.diff(sameDay.start, 'hours').hours).toBe(24);

		const twoDays = resolveLastPeriod('2', 'days', at('2026-03-09T12:00:00', NY));
		expect(twoDays.startIso).toBe('2026-03-07T16:00:00Z');
	});

	it.each<[string, unknown, string]>([
		['zero', 0, 'The amount 0 is less than 1'],
		['negative', -3, 'The amount -3 is less than 1'],
		['negative string', '-2', 'The amount -2 is less than 1'],
		['fraction', 1.5, 'The amount 1.5 is not a whole number'],
		['fraction string', '1.5', 'The amount 1.5 is not a whole number'],
		['NaN', Number.NaN, 'The amount NaN is not a whole number'],
		['Infinity', Number.POSITIVE_INFINITY, 'The amount Infinity is not a whole number'],
		['empty string', '', 'The amount is empty'],
		['blank string', '  ', 'The amount is empty'],
		['undefined', undefined, 'The amount is empty'],
		['null', null, 'The amount is empty'],
		['words', 'abc', 'The amount "abc" is not a number'],
		['number with unit', '3 days', 'The amount "3 days" is not a number'],
		['boolean', true, 'The amount the boolean true is not a number'],
	])('rejects amount %s', (_name, amount, fragment) => {
		const err = expectWindowError(() => resolveLastPeriod(amount, 'days', now), 'lastAmount', fragment);
		expect(err.message).toContain('Enter a whole number of 1 or more');
	});

	it.each<[number, string, string]>([
		[43801, 'hours', '43801 hours is more than the maximum of 43800 hours (about 5 years)'],
		[1827, 'days', '1827 days is more than the maximum of 1826 days (about 5 years)'],
		[261, 'weeks', '261 weeks is more than the maximum of 260 weeks (about 5 years)'],
	])('rejects %d %s as a likely typo', (amount, unit, fragment) => {
		expectWindowError(() => resolveLastPeriod(amount, unit, now), 'lastAmount', fragment);
	});

	it.each<[unknown, string]>([
		['months', 'The unit "months" is not supported. Use one of: hours, days, weeks.'],
		['Hours', 'The unit "Hours" is not supported'],
		['', 'The unit is empty. Use one of: hours, days, weeks.'],
		[undefined, 'The unit is empty'],
		[5, 'The unit a value of type number is not supported'],
	])('rejects unit %j', (unit, fragment) => {
		expectWindowError(() => resolveLastPeriod(3, unit, now), 'lastUnit', fragment);
	});
});

describe('resolvePreviousPeriod', () => {
	function window(unit: string, zone: string, nowIso: string, nowZone = zone) {
		const w = resolvePreviousPeriod(unit, zone, at(nowIso, nowZone));
		return { start: w.startIso, end: w.endIso, hours: w.end.diff(w.start, 'hours').hours };
	}

	it('day: yesterday in the zone', () => {
		expect(window('day', NY, '2026-06-15T14:00:00')).toEqual({
			start: '2026-06-14T04:00:00Z',
			end: '2026-06-15T04:00:00Z',
			hours: 24,
		});
	});

	it('day: 23-hour day after spring-forward (nightly run at 02:00 local)', () => {
		expect(window('day', NY, '2026-03-09T02:00:00')).toEqual({
			start: '2026-03-08T05:00:00Z',
			end: '2026-03-09T04:00:00Z',
			hours: 23,
		});
	});

	it('day: 25-hour day after fall-back (nightly run at 02:00 local)', () => {
		expect(window('day', NY, '2026-11-02T02:00:00')).toEqual({
			start: '2026-11-01T04:00:00Z',
			end: '2026-11-02T05:00:00Z',
			hours: 25,
		});
	});

	it('day: uses the zone, not the UTC date of `now`', () => {
		// 20:00Z on the 14th is already 01:30 on the 15th in Kolkata.
		const expected = { start: '2026-06-13T18:30:00Z', end: '2026-06-14T18:30:00Z', hours: 24 };
		expect(window('day', KOLKATA, '2026-06-14T20:00:00Z', 'UTC')).toEqual(expected);
		expect(window('day', KOLKATA, '2026-06-15T03:00:00')).toEqual(expected);
	});

	it('day: Pacific/Chatham (+12:45/+13:45) across its DST end', () => {
		expect(window('day', 'Pacific/Chatham', '2026-04-06T12:00:00')).toEqual({
			start: '2026-04-04T10:15:00Z',
			end: '2026-04-05T11:15:00Z',
			hours: 25,
		});
	});

	it.each([
		['Wednesday', '2026-06-17T10:00:00', '2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z'],
		['Monday morning', '2026-06-15T08:00:00', '2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z'],
		['Sunday night (ISO weeks start Monday)', '2026-06-14T23:00:00', '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z'],
	])('week: run on %s', (_name, nowIso, start, end) => {
		expect(window('week', 'UTC', nowIso)).toEqual({ start, end, hours: 168 });
	});

	it('week: across a year boundary', () => {
		// 2027-01-06 is a Wednesday; its ISO week starts Monday 2027-01-04.
		expect(window('week', NY, '2027-01-06T10:00:00')).toEqual({
			start: '2026-12-28T05:00:00Z',
			end: '2027-01-04T05:00:00Z',
			hours: 168,
		});
		// Saturday 2027-01-02 is still in the week that started Monday 2026-12-28.
		expect(window('week', NY, '2027-01-02T10:00:00')).toEqual({
			start: '2026-12-21T05:00:00Z',
			end: '2026-12-28T05:00:00Z',
			hours: 168,
		});
	});

	it('month: January gives December of the previous year', () => {
		expect(window('month', NY, '2026-01-15T10:00:00')).toEqual({
			start: '2025-12-01T05:00:00Z',
			end: '2026-01-01T05:00:00Z',
			hours: 31 * 24,
		});
	});

	it('month: February with 28 and 29 days', () => {
		expect(window('month', 'UTC', '2026-03-10T00:00:00')).toEqual({
			start: '2026-02-01T00:00:00Z',
			end: '2026-03-01T00:00:00Z',
			hours: 28 * 24,
		});
		expect(window('month', 'UTC', '2028-03-01T00:00:00')).toEqual({
			start: '2028-02-01T00:00:00Z',
			end: '2028-03-01T00:00:00Z',
			hours: 29 * 24,
		});
	});

	it('month: March in Europe/Berlin loses an hour to DST', () => {
		expect(window('month', BERLIN, '2026-04-02T09:00:00')).toEqual({
			start: '2026-02-28T23:00:00Z',
			end: '2026-03-31T22:00:00Z',
			hours: 31 * 24 - 1,
		});
	});

	it('month: Asia/Kolkata', () => {
		expect(window('month', KOLKATA, '2026-07-01T00:10:00')).toEqual({
			start: '2026-05-31T18:30:00Z',
			end: '2026-06-30T18:30:00Z',
			hours: 30 * 24,
		});
	});

	it('rejects an unknown unit and an invalid zone', () => {
		const now = at('2026-06-15T12:00:00Z');
		expectWindowError(() => resolvePreviousPeriod('year', 'UTC', now), 'previousUnit', 'The unit "year" is not supported. Use one of: day, week, month.');
		expectWindowError(() => resolvePreviousPeriod('days', 'UTC', now), 'previousUnit', '"days"');
		expectWindowError(() => resolvePreviousPeriod('day', 'New York', now), 'timeWindow', '"New York" is not a valid IANA time zone');
	});
});

describe('resolveTimeWindow', () => {
	const now = at('2026-06-15T12:00:00Z');

	it('dispatches on mode', () => {
		expect(resolveTimeWindow({ mode: 'custom', startTime: '2026-06-01', endTime: '2026-06-02' }, BERLIN, now)).toMatchObject({
			startIso: '2026-05-31T22:00:00Z',
			endIso: '2026-06-01T22:00:00Z',
		});
		expect(resolveTimeWindow({ mode: 'lastPeriod', lastAmount: 6, lastUnit: 'hours' }, BERLIN, now)).toMatchObject({
			startIso: '2026-06-15T06:00:00Z',
			endIso: '2026-06-15T12:00:00Z',
		});
		expect(resolveTimeWindow({ mode: 'previousPeriod', previousUnit: 'day' }, BERLIN, now)).toMatchObject({
			startIso: '2026-06-13T22:00:00Z',
			endIso: '2026-06-14T22:00:00Z',
		});
	});

	it('passes parameter-specific errors through', () => {
		expectWindowError(() => resolveTimeWindow({ mode: 'custom', startTime: '2026-06-01' }, BERLIN, now), 'endTime', 'empty');
		expectWindowError(() => resolveTimeWindow({ mode: 'lastPeriod', lastAmount: 0, lastUnit: 'days' }, BERLIN, now), 'lastAmount', 'less than 1');
		expectWindowError(() => resolveTimeWindow({ mode: 'previousPeriod' }, BERLIN, now), 'previousUnit', 'The unit is empty');
	});

	it('rejects unknown modes', () => {
		expectWindowError(
			() => resolveTimeWindow({ mode: 'rolling' }, 'UTC', now),
			'timeWindow',
			'The time window mode "rolling" is not supported. Use one of: custom, lastPeriod, previousPeriod.',
		);
		expectWindowError(() => resolveTimeWindow({ mode: undefined }, 'UTC', now), 'timeWindow', 'The time window mode is empty');
	});

	it('validates the zone in every mode', () => {
		expectWindowError(
			() => resolveTimeWindow({ mode: 'lastPeriod', lastAmount: 1, lastUnit: 'days' }, 'Nowhere/Land', now),
			'timeWindow',
			'"Nowhere/Land" is not a valid IANA time zone',
		);
	});
});

describe('describeWindow', () => {
	it('shows a single local day as a date', () => {
		expect(describeWindow({ startIso: '2026-12-03T05:00:00Z', endIso: '2026-12-04T05:00:00Z' }, NY)).toBe(
			'2026-12-03 (America/New_York)',
		);
		expect(describeWindow({ start: '2026-03-08T05:00:00Z', end: '2026-03-09T04:00:00Z' }, NY)).toBe(
			'2026-03-08 (America/New_York)',
		);
		expect(describeWindow({ startIso: '2026-06-13T18:30:00Z', endIso: '2026-06-14T18:30:00Z' }, KOLKATA)).toBe(
			'2026-06-14 (Asia/Kolkata)',
		);
	});

	it('shows other windows as a local range', () => {
		expect(describeWindow({ startIso: '2026-12-03T05:00:00Z', endIso: '2026-12-04T05:00:00Z' }, 'UTC')).toBe(
			'2026-12-03 05:00 → 2026-12-04 05:00 (UTC)',
		);
		expect(describeWindow({ start: '2026-12-03T05:00:00Z', end: '2026-12-05T05:00:00Z' }, NY)).toBe(
			'2026-12-03 00:00 → 2026-12-05 00:00 (America/New_York)',
		);
		expect(describeWindow({ startIso: '2026-06-14T12:34:56Z', endIso: '2026-06-15T12:34:56Z' }, BERLIN)).toBe(
			'2026-06-14 14:34:56 → 2026-06-15 14:34:56 (Europe/Berlin)',
		);
	});

	it('describes resolved windows', () => {
		const w = resolvePreviousPeriod('day', NY, at('2026-11-02T02:00:00', NY));
		expect(describeWindow(w, NY)).toBe('2026-11-01 (America/New_York)');
	});

	it('never throws: falls back to UTC or the raw strings', () => {
		expect(describeWindow({ startIso: '2026-12-03T05:00:00Z', endIso: '2026-12-04T05:00:00Z' }, 'Mars/Base')).toBe(
			'2026-12-03 05:00 → 2026-12-04 05:00 (UTC)',
		);
		expect(describeWindow({ start: 'garbage', end: '2026-12-04T05:00:00Z' }, NY)).toBe('garbage → 2026-12-04T05:00:00Z');
	});
});
