import { createHash } from 'crypto';

export type RequestKind = 'read' | 'write';

export interface RateLimits {
	read: number;
	write: number;
	windowMs: number;
}

// Trackstar allows 10 GETs and 50 writes a second per access token. Its window and ours
// never line up exactly (network jitter bunches requests on arrival), so keep a margin.
export const TRACKSTAR_LIMITS: RateLimits = { read: 8, write: 40, windowMs: 1000 };

/**
 * Hands out send slots so that no window of `windowMs` holds more than the limit.
 * Slots are reserved synchronously, so concurrent callers never pick the same one.
 */
export class SlidingWindowLimiter {
	private readonly slots: Record<RequestKind, number[]> = { read: [], write: [] };

	private pausedUntil = 0;

	constructor(
		private readonly limits: RateLimits = TRACKSTAR_LIMITS,
		private readonly now: () => number = () => Date.now(),
	) {}

	/** Reserves the next free slot and returns how many ms to wait before sending. */
	reserve(kind: RequestKind): number {
		const limit = kind === 'read' ? this.limits.read : this.limits.write;
		const slots = this.slots[kind];
		const now = this.now();
		while (slots.length > 0 && slots[0] <= now - this.limits.windowMs) slots.shift();

		let at = Math.max(now, this.pausedUntil);
		if (slots.length >= limit) {
			at = Math.max(at, slots[slots.length - limit] + this.limits.windowMs);
		}
		if (slots.length > 0) at = Math.max(at, slots[slots.length - 1]);
		slots.push(at);
		return at - now;
	}

	/** After a 429 nobody sharing this token should send before Trackstar's reset. */
	pauseFor(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
	}

	isIdle(): boolean {
		const now = this.now();
		return (
			this.pausedUntil <= now &&
			this.slots.read.every((at) => at <= now - this.limits.windowMs) &&
			this.slots.write.every((at) => at <= now - this.limits.windowMs)
		);
	}
}

// Trackstar counts per access token, not per node or per execution, so every item,
// node and concurrent execution in this n8n process that uses one token shares one
// limiter. Keyed by a hash so the map never holds the token itself.
const limiters = new Map<string, SlidingWindowLimiter>();

export function limiterForToken(accessToken: string): SlidingWindowLimiter {
	const key = createHash('sha256').update(accessToken).digest('hex');
	for (const [otherKey, limiter] of limiters) {
		if (otherKey !== key && limiter.isIdle()) limiters.delete(otherKey);
	}
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new SlidingWindowLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}
