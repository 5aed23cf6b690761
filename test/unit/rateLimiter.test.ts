import { SlidingWindowLimiter } from '../../nodes/TrackstarOnDemandSync/transport/rateLimiter';

function fakeClock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Sends `count` requests as the limiter schedules them and returns their send times. */
function schedule(limiter: SlidingWindowLimiter, clock: ReturnType<typeof fakeClock>, count: number, kind: 'read' | 'write') {
	const times: number[] = [];
	for (let i = 0; i < count; i++) times.push(clock.now() + limiter.reserve(kind));
	return times;
}

function maxInAnyWindow(times: number[], windowMs: number): number {
	let best = 0;
	for (const start of times) best = Math.max(best, times.filter((t) => t >= start && t < start + windowMs).length);
	return best;
}

describe('SlidingWindowLimiter', () => {
	it('lets the first `limit` requests go at once and spaces the rest a window apart', () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ read: 3, write: 5, windowMs: 1000 }, clock.now);
		const times = schedule(limiter, clock, 7, 'read').map((t) => t - clock.now());
		expect(times).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
	});

	it('never puts more than the limit in any window, for 200 concurrent reservations', () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ read: 8, write: 40, windowMs: 1000 }, clock.now);
		const times = schedule(limiter, clock, 200, 'read');
		expect(maxInAnyWindow(times, 1000)).toBe(8);
		expect(Math.max(...times) - clock.now()).toBe(24_000);
	});

	it('counts reads and writes separately', () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ read: 2, write: 2, windowMs: 1000 }, clock.now);
		schedule(limiter, clock, 2, 'read');
		expect(limiter.reserve('write')).toBe(0);
		expect(limiter.reserve('read')).toBe(1000);
	});

	it('frees slots as time passes', () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ read: 2, write: 2, windowMs: 1000 }, clock.now);
		schedule(limiter, clock, 2, 'read');
		clock.advance(1001);
		expect(limiter.reserve('read')).toBe(0);
	});

	it('holds everyone back after a 429 until the pause ends', () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ read: 10, write: 10, windowMs: 1000 }, clock.now);
		limiter.pauseFor(3000);
		expect(limiter.reserve('read')).toBe(3000);
		expect(limiter.reserve('write')).toBe(3000);
		expect(limiter.isIdle()).toBe(false);
		clock.advance(5000);
		expect(limiter.isIdle()).toBe(true);
	});
});
