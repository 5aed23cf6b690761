/**
 * When to look again at a job: soon at first, then in proportion to the time already
 * waited, so a job is seen at most ~10% of its run time after it ends (or one longest
 * interval), and a long job costs few calls.
 */
export const FIRST_POLL_MS = 1000;
export const MIN_INTERVAL_MS = 2000;
export const GROWTH = 0.1;

export function nextPollDelayMs(elapsedMs: number, maxIntervalMs: number): number {
	const floor = Math.min(MIN_INTERVAL_MS, maxIntervalMs);
	return Math.round(Math.min(maxIntervalMs, Math.max(floor, elapsedMs * GROWTH)));
}

/** A few failed polls in a row (each already retried by the transport) end the wait. */
export const MAX_CONSECUTIVE_POLL_FAILURES = 4;
