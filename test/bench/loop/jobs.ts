// The jobs both approaches wait for: a fixed, seeded mix of durations, so every run and
// machine sees the same jobs.
import { mulberry32 } from '../seededRandom';

export const LOOP_SEED = 20260412;

export interface LoopJob {
	/** 1-based, in the seeded order. */
	index: number;
	durationMs: number;
}

/**
 * `count` jobs between minMs and maxMs. Each job gets its own slice of the range on a
 * log scale (a random point inside the slice), so short and long jobs are both present
 * whatever the seed. Durations are rounded to 0.1 s.
 */
export function loopJobs(count = 8, minMs = 5000, maxMs = 90_000, seed = LOOP_SEED): LoopJob[] {
	const random = mulberry32(seed);
	const span = Math.log(maxMs / minMs);
	const durations: number[] = [];
	for (let i = 0; i < count; i++) {
		const u = (i + random()) / count;
		durations.push(Math.round((minMs * Math.exp(span * u)) / 100) * 100);
	}
	// Shuffle (Fisher-Yates, same PRNG) so the order is not simply shortest first.
	for (let i = durations.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[durations[i], durations[j]] = [durations[j], durations[i]];
	}
	return durations.map((durationMs, i) => ({ index: i + 1, durationMs }));
}
