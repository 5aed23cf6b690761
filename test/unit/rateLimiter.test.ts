import { SlidingWindowLimiter } from '../../nodes/TrackstarOnDemandSync/transport/rateLimiter';

/** A virtual clock whose sleep advances time, optionally waking late like a busy event loop. */
function virtualClock(lateByMs = 0) {
	let now = 1_000_000;
	return {
		now: () => now,
		sleep: async (ms: number) => {
			await Promise.resolve();
			now += ms + lateByMs;
		},
	};
}

/** Sends `count` requests through the limiter, each answered at once. Returns send times. */
async function sendTimes(limiter: SlidingWindowLimiter, clock: ReturnType<typeof virtualClock>, count: number, kind: 'read' | 'write') {
	const times: number[] = [];
	await Promise.all(
		Array.from({ length: count }, async () => {
			const release = await limiter.acquire(kind, clock.sleep);
			times.push(clock.now());
			release();
		}),
	);
	return times.sort((a, b) => a - b);
}

function take(limiter: SlidingWindowLimiter, kind: 'read' | 'write'): number {
	const taken = limiter.tryTake(kind);
	if (typeof taken === 'function') {
		taken();
		return 0;
	}
	return taken;
}

function maxInAnyWindow(times: number[], windowMs: number): number {
	let best = 0;
	for (const start of times) best = Math.max(best, times.filter((t) => t >= start && t < start + windowMs).length);
	return best;
}

describe('SlidingWindowLimiter', () => {
	it('lets the first `limit` requests go at once and the rest a window later', async () => {
		const clock = virtualClock();
		const limiter = new SlidingWindowLimiter({ read: 3, write: 5, windowMs: 1000 }, clock.now);
		const start = clock.now();
		const times = (await sendTimes(limiter, clock, 7, 'read')).map((t) => t - start);
		expect(times).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
	});

	it.each([0, 37, 400])('never puts more than the limit in any window for 200 callers (sleep %i ms late)', async (late) => {
		const clock = virtualClock(late);
		const limiter = new SlidingWindowLimiter({ read: 8, write: 40, windowMs: 1000 }, clock.now);
		const times = await sendTimes(limiter, clock, 200, 'read');
		expect(times).toHaveLength(200);
		expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(8);
	});

	it('holds a slot while its request is in flight and for one window after the reply', () => {
		let now = 0;
		const limiter = new SlidingWindowLimiter({ read: 2, write: 2, windowMs: 1000 }, () => now);
		const first = limiter.tryTake('read');
		const second = limiter.tryTake('read');
		if (typeof first !== 'function' || typeof second !== 'function') throw new Error('expected two free slots');
		// Both replies outstanding: look again shortly.
		expect(limiter.tryTake('read')).toBe(50);
		now = 300;
		first();
		second();
		// Replies at 300 ms: the slots free at 1300 ms, not at 1000 ms.
		expect(limiter.tryTake('read')).toBe(1000);
		now = 1300;
		expect(typeof limiter.tryTake('read')).toBe('function');
	});

	it('counts reads and writes separately', () => {
		const limiter = new SlidingWindowLimiter({ read: 2, write: 2, windowMs: 1000 }, () => 5000);
		expect([take(limiter, 'read'), take(limiter, 'read')]).toEqual([0, 0]);
		expect(take(limiter, 'write')).toBe(0);
		expect(take(limiter, 'read')).toBe(1000);
	});

	it('frees slots as time passes', () => {
		let now = 5000;
		const limiter = new SlidingWindowLimiter({ read: 1, write: 1, windowMs: 1000 }, () => now);
		expect(take(limiter, 'read')).toBe(0);
		expect(take(limiter, 'read')).toBe(1000);
		now += 1000;
		expect(take(limiter, 'read')).toBe(0);
	});

	it('holds everyone back after a 429 until the pause ends', () => {
		let now = 5000;
		const limiter = new SlidingWindowLimiter({ read: 10, write: 10, windowMs: 1000 }, () => now);
		limiter.pauseFor(3000);
		expect(take(limiter, 'read')).toBe(3000);
		expect(take(limiter, 'write')).toBe(3000);
		expect(limiter.isIdle()).toBe(false);
		now += 3000;
		expect(take(limiter, 'read')).toBe(0);
		now += 5000;
		expect(limiter.isIdle()).toBe(true);
	});

	it('stops queueing when the signal fires', async () => {
		const clock = virtualClock();
		const limiter = new SlidingWindowLimiter({ read: 1, write: 1, windowMs: 1000 }, clock.now);
		await limiter.acquire('read', clock.sleep);
		const controller = new AbortController();
		controller.abort();
		const before = clock.now();
		await limiter.acquire('read', clock.sleep, controller.signal);
		expect(clock.now()).toBe(before);
	});
});
