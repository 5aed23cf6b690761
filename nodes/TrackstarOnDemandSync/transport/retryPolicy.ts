export type RetryMode =
	/** GETs and cancels: re-sending cannot do harm. */
	| 'safe'
	/** Create: only a 429 proves Trackstar did not act; anything else may have opened a job. */
	| 'rateLimitOnly';

export const MAX_ATTEMPTS = 5;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export interface AttemptFailure {
	/** HTTP status, or undefined when no reply arrived (reset, refused, timeout). */
	status?: number;
	/** `retry-after` in ms when Trackstar sent one. */
	retryAfterMs?: number;
	/** A 2xx whose body could not be read: the request itself did reach Trackstar. */
	unreadableReply?: boolean;
}

export function shouldRetry(mode: RetryMode, failure: AttemptFailure, attempt: number): boolean {
	if (attempt >= MAX_ATTEMPTS) return false;
	if (failure.status === 429) return true;
	if (mode === 'rateLimitOnly') return false;
	if (failure.unreadableReply) return true;
	return failure.status === undefined || RETRYABLE_STATUSES.has(failure.status);
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;

/** Exponential backoff with full jitter; Trackstar's own retry-after wins when longer. */
export function retryDelayMs(failure: AttemptFailure, attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	const backoff = Math.round(ceiling / 2 + (random() * ceiling) / 2);
	if (failure.retryAfterMs !== undefined) {
		return Math.max(failure.retryAfterMs + Math.round(random() * 250), backoff / 4);
	}
	return backoff;
}

/** `retry-after` is either seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.min(60_000, Math.round(Number(text) * 1000));
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.min(60_000, Math.max(0, at - now));
}
