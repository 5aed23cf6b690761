import {
	MAX_ATTEMPTS,
	parseRetryAfter,
	retryDelayMs,
	shouldRetry,
} from '../../nodes/TrackstarOnDemandSync/transport/retryPolicy';

describe('shouldRetry', () => {
	it.each([
		[429, true],
		[502, true],
		[503, true],
		[504, true],
		[500, false],
		[400, false],
		[401, false],
		[404, false],
		[422, false],
	])('safe calls: HTTP %s → %s', (status, expected) => {
		expect(shouldRetry('safe', { status }, 1)).toBe(expected);
	});

	it('retries safe calls when no reply arrived or the reply was unreadable', () => {
		expect(shouldRetry('safe', {}, 1)).toBe(true);
		expect(shouldRetry('safe', { status: 200, unreadableReply: true }, 1)).toBe(true);
	});

	it('retries a create only on 429, never when its fate is unknown', () => {
		expect(shouldRetry('rateLimitOnly', { status: 429 }, 1)).toBe(true);
		expect(shouldRetry('rateLimitOnly', {}, 1)).toBe(false);
		expect(shouldRetry('rateLimitOnly', { status: 503 }, 1)).toBe(false);
		expect(shouldRetry('rateLimitOnly', { status: 200, unreadableReply: true }, 1)).toBe(false);
	});

	it('gives up after the last attempt', () => {
		expect(shouldRetry('safe', { status: 503 }, MAX_ATTEMPTS - 1)).toBe(true);
		expect(shouldRetry('safe', { status: 503 }, MAX_ATTEMPTS)).toBe(false);
	});
});

describe('retryDelayMs', () => {
	it('grows exponentially with jitter inside [ceiling/2, ceiling]', () => {
		expect(retryDelayMs({ status: 503 }, 1, () => 0)).toBe(250);
		expect(retryDelayMs({ status: 503 }, 1, () => 1)).toBe(500);
		expect(retryDelayMs({ status: 503 }, 3, () => 1)).toBe(2000);
		expect(retryDelayMs({ status: 503 }, 10, () => 1)).toBe(8000);
	});

	it('honours retry-after', () => {
		expect(retryDelayMs({ status: 429, retryAfterMs: 2000 }, 1, () => 0)).toBe(2000);
		expect(retryDelayMs({ status: 429, retryAfterMs: 2000 }, 1, () => 1)).toBe(2250);
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates, caps at a minute', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(1.5)).toBe(1500);
		expect(parseRetryAfter('3600')).toBe(60_000);
		const now = Date.parse('2026-12-04T10:00:00Z');
		expect(parseRetryAfter('Fri, 04 Dec 2026 10:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});
});
