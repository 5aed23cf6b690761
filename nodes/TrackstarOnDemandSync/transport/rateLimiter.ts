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

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Marks the request's reply as received; its slot then frees one window later. */
export type Release = () => void;

interface Slot {
	doneAt?: number;
}

/** How often to look again while every slot is held by a request still in flight. */
const IN_FLIGHT_RECHECK_MS = 50;

/**
 * Lets requests through so that no window of `windowMs` holds more than the limit, as
 * Trackstar counts them: on arrival. A request may reach Trackstar any time between
 * leaving the queue and its reply, so it holds its slot from then until one window
 * after the reply. Callers queue in arrival order, one queue per kind.
 */
export class SlidingWindowLimiter {
	private readonly slots: Record<RequestKind, Slot[]> = { read: [], write: [] };

	private readonly tail: Record<RequestKind, Promise<void>> = {
		read: Promise.resolve(),
		write: Promise.resolve(),
	};

	private pausedUntil = 0;

	constructor(
		private readonly limits: RateLimits = TRACKSTAR_LIMITS,
		private readonly now: () => number = () => Date.now(),
	) {}

	/** Takes a slot now if one is free, else says how long to wait before asking again. */
	tryTake(kind: RequestKind): Release | number {
		const limit = kind === 'read' ? this.limits.read : this.limits.write;
		const now = this.now();
		const held = this.slots[kind].filter((slot) => slot.doneAt === undefined || slot.doneAt + this.limits.windowMs > now);
		this.slots[kind] = held;
		let wait = this.pausedUntil - now;
		if (held.length >= limit) {
			const frees = held
				.map((slot) => (slot.doneAt === undefined ? now + IN_FLIGHT_RECHECK_MS : slot.doneAt + this.limits.windowMs))
				.sort((a, b) => a - b);
			wait = Math.max(wait, frees[held.length - limit] - now);
		}
		if (wait > 0) return Math.max(1, Math.ceil(wait));
		const slot: Slot = {};
		held.push(slot);
		return () => {
			slot.doneAt ??= this.now();
		};
	}

	/**
	 * Resolves when this caller may send, with the function to call once the reply is in.
	 * Returns early (with a no-op) when the signal fires.
	 */
	async acquire(kind: RequestKind, sleep: Sleep, signal?: AbortSignal): Promise<Release> {
		const previous = this.tail[kind];
		let next = () => {};
		this.tail[kind] = new Promise<void>((resolve) => (next = resolve));
		await previous;
		try {
			for (let taken = this.tryTake(kind); !signal?.aborted; taken = this.tryTake(kind)) {
				if (typeof taken === 'function') return taken;
				await sleep(taken, signal);
			}
			return () => {};
		} finally {
			next();
		}
	}

	/** After a 429 nobody sharing this token should send before Trackstar's reset. */
	pauseFor(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
	}

	isIdle(): boolean {
		const now = this.now();
		const quiet = (slots: Slot[]) => slots.every((slot) => slot.doneAt !== undefined && slot.doneAt + this.limits.windowMs <= now);
		return this.pausedUntil <= now && quiet(this.slots.read) && quiet(this.slots.write);
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
