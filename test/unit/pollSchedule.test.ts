import { FIRST_POLL_MS, nextPollDelayMs } from '../../nodes/TrackstarOnDemandSync/wait/pollSchedule';

/** Poll times for a job that ends at `durationMs`, and when the end is first seen. */
function simulate(durationMs: number, maxIntervalMs: number) {
	let t = FIRST_POLL_MS;
	let polls = 1;
	while (t < durationMs) {
		t += nextPollDelayMs(t, maxIntervalMs);
		polls++;
	}
	return { polls, lagMs: t - durationMs };
}

describe('poll schedule', () => {
	it('starts at the floor and grows with the time waited, up to the longest interval', () => {
		expect(nextPollDelayMs(0, 60_000)).toBe(2000);
		expect(nextPollDelayMs(100_000, 60_000)).toBe(15_000);
		expect(nextPollDelayMs(3_600_000, 60_000)).toBe(60_000);
		expect(nextPollDelayMs(0, 1000)).toBe(1000);
	});

	it.each([5_000, 60_000, 600_000, 1_800_000, 7_200_000])(
		'a %i ms job is seen within 15%% of its run time and within one longest interval',
		(durationMs) => {
			const { lagMs } = simulate(durationMs, 60_000);
			expect(lagMs).toBeLessThanOrEqual(Math.min(Math.max(durationMs * 0.15, 2000), 60_000));
		},
	);

	it('needs at most a fifth of a fixed 5-second poller\'s calls on a 30-minute job', () => {
		const fixedPolls = Math.ceil(1_800_000 / 5000);
		const { polls } = simulate(1_800_000, 60_000);
		expect(polls).toBeLessThanOrEqual(fixedPolls / 5);
	});
});
