import type { RateLimits } from './types';
import { apiError, type Reply } from './reply';

export interface RateDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	resetEpochSeconds: number;
	retryAfterSeconds: number;
}

const WINDOW_MS = 1000;

// Sliding one-second window per caller and per method class (reads vs writes), as
// Trackstar documents 10 GETs and 50 writes a second per access token.
// Rejected requests are not recorded: a client hammering through 429s does not push its
// own window further out. Real Trackstar may differ; the simple rule keeps tests exact.
export class SlidingWindowLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(private readonly limits: RateLimits) {}

	limitFor(method: string): number {
		return isRead(method) ? this.limits.get : this.limits.post;
	}

	hit(caller: string, method: string, now: number): RateDecision {
		const limit = this.limitFor(method);
		const bucketKey = `${isRead(method) ? 'read' : 'write'}|${caller}`;
		const bucket = (this.hits.get(bucketKey) ?? []).filter((t) => t > now - WINDOW_MS);
		this.hits.set(bucketKey, bucket);

		const allowed = bucket.length < limit;
		if (allowed) bucket.push(now);
		const oldest = bucket[0] ?? now;
		const freesAt = oldest + WINDOW_MS;
		return {
			allowed,
			limit,
			remaining: Math.max(0, limit - bucket.length),
			resetEpochSeconds: Math.ceil(freesAt / 1000),
			retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
		};
	}

	clear(): void {
		this.hits.clear();
	}
}

function isRead(method: string): boolean {
	return method === 'GET' || method === 'HEAD';
}

export function rateLimitHeaders(d: Pick<RateDecision, 'limit' | 'remaining' | 'resetEpochSeconds'>) {
	return {
		'x-ratelimit-limit': String(d.limit),
		'x-ratelimit-remaining': String(d.remaining),
		'x-ratelimit-reset': String(d.resetEpochSeconds),
	};
}

export function tooManyRequests(retryAfterSeconds: number, limit: number, resetEpochSeconds: number): Reply {
	return {
		...apiError(429, 'Too many requests'),
		headers: {
			'retry-after': String(retryAfterSeconds),
			...rateLimitHeaders({ limit, remaining: 0, resetEpochSeconds }),
		},
	};
}
