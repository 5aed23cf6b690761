/**
 * When to look again at a job: soon at first, then in proportion to the time already
 * waited (15%), capped at the longest interval. A job is so seen at most ~15% of its
 * run time, and never more than one longest interval, after it ends, while a 30-minute
 * job costs about a sixth of the calls of a 5-second poller.
 */
export const FIRST_POLL_MS = 1000;
export const MIN_INTERVAL_MS = 2000;
export const GROWTH = 0.15;

export function nextPollDelayMs(elapsedMs: number, maxIntervalMs: number): number {
	const floor = Math.min(MIN_INTERVAL_MS, maxIntervalMs);
	return Math.round(Math.min(maxIntervalMs, Math.max(floor, elapsedMs * GROWTH)));
}

/** A few failed polls in a row (each already retried by the transport) end the wait. */
export const MAX_CONSECUTIVE_POLL_FAILURES = 4;
