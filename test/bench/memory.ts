import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { CONNECTIONS, type BenchJob } from './jobs';
import { runLane, type LaneResult } from './lane';

export const CONCURRENT_WAITS = 200;
// Long enough for two rounds of checks (1 s: open, 3 s: done), so every wait is seen
// asleep between polls as well as queued for the rate limiter.
const JOB_MS = 2500;
const SAMPLE_EVERY_MS = 500;

export interface MemoryResult {
	waits: number;
	baselineBytes: number;
	peakBytes: number;
	perWaitBytes: number;
	/** Samples taken while all waits were in progress. */
	samples: number;
	rssBaselineBytes: number;
	rssPeakBytes: number;
	lane: LaneResult;
}

/** The V8 collector, exposed at run time, so samples measure live memory, not garbage. */
export function exposeGc(): () => void {
	const existing = (globalThis as { gc?: () => void }).gc;
	if (typeof existing === 'function') return existing;
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
}

function liveHeap(gc: () => void): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

/**
 * 200 jobs created through the node and waited for at once with our schedule (default
 * longest interval), over one access token. The live heap (after a full collection) is
 * sampled every 500 ms of real time while all 200 waits are in progress.
 */
export async function runMemory(log: (line: string) => void, waits = CONCURRENT_WAITS): Promise<MemoryResult> {
	const gc = exposeGc();
	const jobs: BenchJob[] = Array.from({ length: waits }, () => ({ label: '2.5 s', durationMs: JOB_MS, headline: false }));
	let baselineBytes = 0;
	let peakBytes = 0;
	let rssBaselineBytes = 0;
	let rssPeakBytes = 0;
	let samples = 0;
	const lane = await runLane({
		mode: 'ours',
		connection: CONNECTIONS[0],
		jobs,
		log,
		watch: (waiter) => {
			baselineBytes = liveHeap(gc);
			rssBaselineBytes = process.memoryUsage().rss;
			const timer = setInterval(() => {
				if (waiter.waiting !== waits) return;
				const heap = liveHeap(gc);
				samples++;
				peakBytes = Math.max(peakBytes, heap);
				rssPeakBytes = Math.max(rssPeakBytes, process.memoryUsage().rss);
			}, SAMPLE_EVERY_MS);
			return { stop: () => clearInterval(timer) };
		},
	});
	if (samples === 0) throw new Error('The memory run took no sample while all waits were in progress');
	return {
		waits,
		baselineBytes,
		peakBytes,
		perWaitBytes: (peakBytes - baselineBytes) / waits,
		samples,
		rssBaselineBytes,
		rssPeakBytes,
		lane,
	};
}
