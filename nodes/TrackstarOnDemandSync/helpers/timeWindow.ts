import { DateTime, IANAZone } from 'luxon';

// Pure time-window logic for on-demand sync jobs. It deliberately does not import
// n8n-workflow: errors are plain data (TimeWindowError) that the node turns into
// NodeOperationError with the parameter's display name and item index, which keeps
// this module testable without an n8n execution context. `now` is always passed in
// so results are deterministic.

export type TimeWindowMode = 'custom' | 'lastPeriod' | 'previousPeriod';
export type LastUnit = 'hours' | 'days' | 'weeks';
export type PreviousUnit = 'day' | 'week' | 'month';

export type TimeWindowField =
	| 'startTime'
	| 'endTime'
	| 'lastAmount'
	| 'lastUnit'
	| 'previousUnit'
	| 'timeWindow';

export interface ResolvedWindow {
	/** UTC, whole seconds (Trackstar takes second precision). */
	start: DateTime;
	/** UTC, whole seconds. */
	end: DateTime;
	/** 'YYYY-MM-DDTHH:mm:ssZ', exactly what is sent as `start_time`. */
	startIso: string;
	/** 'YYYY-MM-DDTHH:mm:ssZ', exactly what is sent as `end_time`. */
	endIso: string;
}

export class TimeWindowError extends Error {
	readonly field: TimeWindowField;

	constructor(field: TimeWindowField, message: string) {
		super(message);
		this.name = 'TimeWindowError';
		this.field = field;
		// Keeps `instanceof` working when compiled to ES5-style classes.
		Object.setPrototypeOf(this, TimeWindowError.prototype);
	}
}

const TIME_WINDOW_MODES: readonly TimeWindowMode[] = ['custom', 'lastPeriod', 'previousPeriod'];
const LAST_UNITS: readonly LastUnit[] = ['hours', 'days', 'weeks'];
const PREVIOUS_UNITS: readonly PreviousUnit[] = ['day', 'week', 'month'];

// Upper bounds for "last N units": about 5 years each. Longer rolling windows are far
// more likely a typo (an extra zero or two) than intent, and a deliberate multi-year
// backfill can still be done with a custom window.
const HOURS_PER_UNIT: Record<LastUnit, number> = { hours: 1, days: 24, weeks: 24 * 7 };

const ONE_PERIOD: Record<PreviousUnit, { days: number } | { weeks: number } | { months: number }> = {
	day: { days: 1 },
	week: { weeks: 1 },
	month: { months: 1 },
};

const MAX_LAST_AMOUNT: Record<LastUnit, number> = {
	hours: 5 * 365 * 24, // 43800
	days: 5 * 365 + 1, // 1826 (covers one leap day)
	weeks: 5 * 52, // 260
};

// An end slightly after `now` is accepted because the n8n host clock and the user's
// clock (or an upstream system that computed the value) can disagree by a little; for
// on-demand syncs that pull already-existing data, clamping a far-future end to `now`
// would silently change what the user asked for, so anything beyond this is an error.
const END_CLOCK_SKEW_MINUTES = 5;

// Instants before this are rejected: they are almost always epoch seconds passed where
// milliseconds are expected (1764547200 reads as 1970-01-21), and a window starting in
// the last century would ask Trackstar for a huge, pointless backfill.
const EARLIEST_ALLOWED = DateTime.fromISO('2000-01-01T00:00:00Z', { zone: 'utc' });

const FORMAT_EXAMPLE =
	'2025-12-01T00:00:00Z, 2025-12-01T00:00:00 (read in the workflow time zone) or 2025-12-01';

const MAX_SHOWN_CHARS = 40;

function truncate(value: string): string {
	return value.length > MAX_SHOWN_CHARS ? `${value.slice(0, MAX_SHOWN_CHARS)}…` : value;
}

function showValue(value: string): string {
	// JSON quoting makes blanks and line breaks in the offending value visible.
	return JSON.stringify(truncate(value));
}

function isoUtc(dt: DateTime): string {
	return dt.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

function describeType(value: unknown): string {
	if (value === undefined || value === null) return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return `the boolean ${String(value)}`;
	return `a value of type ${typeof value}`;
}

function assertZone(zone: unknown): asserts zone is string {
	if (typeof zone !== 'string' || zone.trim() === '' || !IANAZone.isValidZone(zone)) {
		const shown = typeof zone === 'string' ? showValue(zone) : String(zone);
		throw new TimeWindowError(
			'timeWindow',
			`The time zone ${shown} is not a valid IANA time zone. Set the workflow's Timezone setting to a zone such as America/New_York or UTC.`,
		);
	}
}

function assertNow(now: DateTime): void {
	// A bad `now` is a bug in the caller, not something the user can fix, so it is not
	// reported as a TimeWindowError.
	if (!DateTime.isDateTime(now) || !now.isValid) {
		throw new TypeError('timeWindow: `now` must be a valid luxon DateTime');
	}
}

function checkNotTooOld(
	dt: DateTime,
	field: 'startTime' | 'endTime',
	epochInput: number | undefined,
): DateTime {
	if (dt.toMillis() >= EARLIEST_ALLOWED.toMillis()) return dt;
	if (epochInput !== undefined && Math.abs(epochInput) < 1e11) {
		throw new TimeWindowError(
			field,
			`${epochInput} reads as ${isoUtc(dt)}, so it looks like epoch seconds. This field takes epoch milliseconds: multiply by 1000 (e.g. ${epochInput}000) or enter an ISO date such as 2025-12-01T00:00:00Z.`,
		);
	}
	throw new TimeWindowError(
		field,
		`${isoUtc(dt)} is before 2000-01-01, which is almost certainly a mistake. Enter a recent date such as 2025-12-01T00:00:00Z.`,
	);
}

function fromEpochMillis(ms: number, field: 'startTime' | 'endTime', zone: string): DateTime {
	const dt = DateTime.fromMillis(ms, { zone });
	if (!dt.isValid) {
		throw new TimeWindowError(
			field,
			`${ms} is outside the range of supported timestamps. Enter epoch milliseconds such as 1764547200000 or an ISO date such as 2025-12-01T00:00:00Z.`,
		);
	}
	return checkNotTooOld(dt, field, ms);
}

function fromString(raw: string, field: 'startTime' | 'endTime', zone: string): DateTime {
	const text = raw.trim();
	if (text === '') {
		throw new TimeWindowError(
			field,
			`The value is empty. Enter a date and time such as ${FORMAT_EXAMPLE}.`,
		);
	}
	// Expressions like {{ $now.toMillis() }} are often stringified on the way in.
	if (/^\d{13}$/.test(text)) return fromEpochMillis(Number(text), field, zone);
	if (/^\d{9,10}$/.test(text)) {
		throw new TimeWindowError(
			field,
			`${showValue(text)} looks like epoch seconds. This field takes epoch milliseconds: multiply by 1000 (e.g. ${text}000) or enter an ISO date such as 2025-12-01T00:00:00Z.`,
		);
	}
	// Only the extended calendar form is accepted: luxon would also read '2025',
	// '2025-12' or week dates, which in this field are far more likely typos.
	if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
		// setZone keeps an explicit Z/offset; zone-less values are read in `zone`.
		const iso = DateTime.fromISO(text, { zone, setZone: true });
		if (iso.isValid) return checkNotTooOld(iso, field, undefined);
		const sql = DateTime.fromSQL(text, { zone, setZone: true });
		if (sql.isValid) return checkNotTooOld(sql, field, undefined);
	}
	throw new TimeWindowError(
		field,
		`${showValue(text)} is not a valid date and time. Use ISO 8601, e.g. ${FORMAT_EXAMPLE}.`,
	);
}

interface DateTimeLike {
	toMillis: () => unknown;
	isValid: boolean;
	zoneName?: unknown;
	invalidExplanation?: unknown;
	invalidReason?: unknown;
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	if (DateTime.isDateTime(value)) return true;
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Record<string, unknown>;
	return typeof candidate.toMillis === 'function' && typeof candidate.isValid === 'boolean';
}

function fromDateTimeLike(
	value: DateTimeLike,
	field: 'startTime' | 'endTime',
	zone: string,
): DateTime {
	if (!value.isValid) {
		const reason = value.invalidExplanation ?? value.invalidReason;
		const detail =
			typeof reason === 'string' && reason !== '' ? ` (${truncate(reason)})` : '';
		throw new TimeWindowError(
			field,
			`The value is an invalid date${detail}. Check the expression that produces it, or enter a date such as ${FORMAT_EXAMPLE}.`,
		);
	}
	if (value instanceof DateTime) return checkNotTooOld(value, field, undefined);

	// A DateTime from another luxon copy (n8n bundles its own) fails instanceof, so it
	// is rebuilt from its instant, keeping its zone when this copy understands it.
	const ms = value.toMillis();
	if (typeof ms !== 'number' || !Number.isFinite(ms)) {
		throw new TimeWindowError(
			field,
			`The value looks like a date object but has no usable timestamp. Check the expression that produces it, or enter a date such as ${FORMAT_EXAMPLE}.`,
		);
	}
	const ownZone = value.zoneName;
	if (typeof ownZone === 'string' && IANAZone.isValidZone(ownZone)) {
		return fromEpochMillis(ms, field, ownZone);
	}
	return fromEpochMillis(ms, field, zone);
}

/**
 * Turns whatever an n8n dateTime parameter or an expression yields into a DateTime.
 * Zone-less strings are read in `zone` (the workflow time zone). Local times that do
 * not exist because of a DST jump are moved forward by luxon (02:30 → 03:30).
 */
export function toDateTime(value: unknown, field: 'startTime' | 'endTime', zone: string): DateTime {
	assertZone(zone);
	if (value === undefined || value === null) {
		throw new TimeWindowError(
			field,
			`The value is empty. Enter a date and time such as ${FORMAT_EXAMPLE}.`,
		);
	}
	if (typeof value === 'string') return fromString(value, field, zone);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) {
			throw new TimeWindowError(
				field,
				`${String(value)} is not a valid timestamp. Enter epoch milliseconds such as 1764547200000 or an ISO date such as 2025-12-01T00:00:00Z.`,
			);
		}
		return fromEpochMillis(value, field, zone);
	}
	// The tag check also catches Dates created in another realm (e.g. a Code node sandbox).
	if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
		const ms = (value as Date).getTime();
		if (Number.isNaN(ms)) {
			throw new TimeWindowError(
				field,
				`The value is an invalid JavaScript Date. Check the expression that produces it, or enter a date such as ${FORMAT_EXAMPLE}.`,
			);
		}
		return fromEpochMillis(ms, field, zone);
	}
	if (isDateTimeLike(value)) return fromDateTimeLike(value, field, zone);
	throw new TimeWindowError(
		field,
		`The value is ${describeType(value)}, not a date. Enter a date and time such as ${FORMAT_EXAMPLE}.`,
	);
}

// Shared by every mode so a window is never sent that breaks these rules, whichever
// way it was produced. Seconds are truncated first because Trackstar gets whole
// seconds, and the checks must hold for what is actually sent.
function finishWindow(
	start: DateTime,
	end: DateTime,
	now: DateTime,
	fields: { start: TimeWindowField; end: TimeWindowField },
): ResolvedWindow {
	const startUtc = start.toUTC().startOf('second');
	const endUtc = end.toUTC().startOf('second');
	const startIso = isoUtc(startUtc);
	const endIso = isoUtc(endUtc);
	const nowIso = isoUtc(now);

	if (startUtc.toMillis() >= endUtc.toMillis()) {
		throw new TimeWindowError(
			fields.end,
			`The end (${endIso}) must be after the start (${startIso}). Pick an end later than the start.`,
		);
	}
	if (startUtc.toMillis() > now.toMillis()) {
		throw new TimeWindowError(
			fields.start,
			`The start (${startIso}) is in the future (now is ${nowIso}). On-demand syncs pull data that already exists, so pick a start in the past.`,
		);
	}
	if (endUtc.toMillis() > now.plus({ minutes: END_CLOCK_SKEW_MINUTES }).toMillis()) {
		throw new TimeWindowError(
			fields.end,
			`The end (${endIso}) is in the future (now is ${nowIso}). On-demand syncs pull data that already exists, so pick an end no later than the current time.`,
		);
	}
	return { start: startUtc, end: endUtc, startIso, endIso };
}

export function resolveCustomWindow(
	start: unknown,
	end: unknown,
	zone: string,
	now: DateTime,
): ResolvedWindow {
	assertZone(zone);
	assertNow(now);
	const startDt = toDateTime(start, 'startTime', zone);
	const endDt = toDateTime(end, 'endTime', zone);
	return finishWindow(startDt, endDt, now, { start: 'startTime', end: 'endTime' });
}

function parseAmount(amount: unknown): number {
	const example = 'Enter a whole number of 1 or more, such as 24.';
	if (amount === undefined || amount === null || (typeof amount === 'string' && amount.trim() === '')) {
		throw new TimeWindowError('lastAmount', `The amount is empty. ${example}`);
	}
	let parsed: number;
	if (typeof amount === 'number') {
		parsed = amount;
	} else if (typeof amount === 'string' && /^[+-]?\d+(\.\d+)?$/.test(amount.trim())) {
		parsed = Number(amount.trim());
	} else {
		const shown = typeof amount === 'string' ? showValue(amount) : describeType(amount);
		throw new TimeWindowError('lastAmount', `The amount ${shown} is not a number. ${example}`);
	}
	if (!Number.isFinite(parsed) || !Number.isInteger(parsed)) {
		throw new TimeWindowError(
			'lastAmount',
			`The amount ${String(parsed)} is not a whole number. ${example}`,
		);
	}
	if (parsed < 1) {
		throw new TimeWindowError('lastAmount', `The amount ${parsed} is less than 1. ${example}`);
	}
	return parsed;
}

function parseUnit<T extends string>(
	unit: unknown,
	allowed: readonly T[],
	field: 'lastUnit' | 'previousUnit',
): T {
	if (typeof unit === 'string' && (allowed as readonly string[]).includes(unit)) return unit as T;
	const shown =
		unit === undefined || unit === null || unit === ''
			? 'is empty'
			: `${typeof unit === 'string' ? showValue(unit) : describeType(unit)} is not supported`;
	throw new TimeWindowError(field, `The unit ${shown}. Use one of: ${allowed.join(', ')}.`);
}

/**
 * Rolling window [now - amount unit, now]. Units are fixed lengths (a day is 24 real
 * hours, a week 168) because "the last N days" means a duration, not calendar days;
 * the arithmetic is done in UTC so a DST change inside the window cannot shorten or
 * lengthen it. Use resolvePreviousPeriod for calendar-aligned windows.
 */
export function resolveLastPeriod(amount: unknown, unit: unknown, now: DateTime): ResolvedWindow {
	assertNow(now);
	const parsedAmount = parseAmount(amount);
	const parsedUnit = parseUnit(unit, LAST_UNITS, 'lastUnit');
	const max = MAX_LAST_AMOUNT[parsedUnit];
	if (parsedAmount > max) {
		throw new TimeWindowError(
			'lastAmount',
			`${parsedAmount} ${parsedUnit} is more than the maximum of ${max} ${parsedUnit} (about 5 years), which is probably a typo. Enter a smaller amount, or use a custom start and end for a longer backfill.`,
		);
	}
	const end = now.toUTC();
	const start = end.minus({ hours: parsedAmount * HOURS_PER_UNIT[parsedUnit] });
	return finishWindow(start, end, now, { start: 'timeWindow', end: 'timeWindow' });
}

/**
 * The last full calendar period in `zone` before the one containing `now`. Calendar
 * arithmetic happens in `zone` (startOf/minus), so a day is 23 or 25 hours long across
 * a DST change and weeks follow ISO (Monday start), independent of the host locale.
 */
export function resolvePreviousPeriod(unit: unknown, zone: string, now: DateTime): ResolvedWindow {
	assertZone(zone);
	assertNow(now);
	const parsedUnit = parseUnit(unit, PREVIOUS_UNITS, 'previousUnit');
	const local = now.setZone(zone);
	const end = local.startOf(parsedUnit);
	// startOf again after minus so a period boundary that lands in a DST gap still
	// snaps to the real start of the period.
	const start = end.minus(ONE_PERIOD[parsedUnit]).startOf(parsedUnit);
	return finishWindow(start, end, now, { start: 'timeWindow', end: 'timeWindow' });
}

export function resolveTimeWindow(
	params: {
		mode: unknown;
		startTime?: unknown;
		endTime?: unknown;
		lastAmount?: unknown;
		lastUnit?: unknown;
		previousUnit?: unknown;
	},
	zone: string,
	now: DateTime,
): ResolvedWindow {
	// Validated for every mode: an invalid workflow time zone is a misconfiguration the
	// user should fix even when the chosen mode happens not to need it.
	assertZone(zone);
	switch (params.mode) {
		case 'custom':
			return resolveCustomWindow(params.startTime, params.endTime, zone, now);
		case 'lastPeriod':
			return resolveLastPeriod(params.lastAmount, params.lastUnit, now);
		case 'previousPeriod':
			return resolvePreviousPeriod(params.previousUnit, zone, now);
		default: {
			const mode = params.mode;
			const problem =
				mode === undefined || mode === null || mode === ''
					? 'is empty'
					: `${typeof mode === 'string' ? showValue(mode) : describeType(mode)} is not supported`;
			throw new TimeWindowError(
				'timeWindow',
				`The time window mode ${problem}. Use one of: ${TIME_WINDOW_MODES.join(', ')}.`,
			);
		}
	}
}

/**
 * Short text for summaries, e.g. "2026-12-03 00:00 → 2026-12-04 00:00 (America/New_York)"
 * or "2026-12-03 (America/New_York)" for exactly one local calendar day. It never
 * throws: it runs after the sync job was created, where failing over a label would be
 * worse than showing UTC (invalid zone) or the raw strings (unparsable values).
 */
export function describeWindow(
	window: { startIso: string; endIso: string } | { start: string; end: string },
	zone: string,
): string {
	const [rawStart, rawEnd] =
		'startIso' in window ? [window.startIso, window.endIso] : [window.start, window.end];
	const label = typeof zone === 'string' && IANAZone.isValidZone(zone) ? zone : 'UTC';
	const start = DateTime.fromISO(String(rawStart), { setZone: true }).setZone(label);
	const end = DateTime.fromISO(String(rawEnd), { setZone: true }).setZone(label);
	if (!start.isValid || !end.isValid) return `${String(rawStart)} → ${String(rawEnd)}`;

	const isMidnight = (dt: DateTime) => dt.toMillis() === dt.startOf('day').toMillis();
	if (
		isMidnight(start) &&
		isMidnight(end) &&
		start.plus({ days: 1 }).startOf('day').toMillis() === end.toMillis()
	) {
		return `${start.toFormat('yyyy-MM-dd')} (${label})`;
	}
	// Seconds only when present, so typical whole-minute windows stay short.
	const withSeconds = start.second !== 0 || end.second !== 0;
	const format = withSeconds ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm';
	return `${start.toFormat(format)} → ${end.toFormat(format)} (${label})`;
}
