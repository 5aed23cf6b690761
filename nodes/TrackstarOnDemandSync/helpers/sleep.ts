import * as n8nWorkflow from 'n8n-workflow';

type SleepWithSignal = (ms: number, signal?: AbortSignal) => Promise<void>;

// n8n-workflow 1.x has sleep(ms) without a signal plus sleepWithAbort(ms, signal);
// 2.34+ dropped sleepWithAbort and gave sleep the signal. Pick at run time whatever
// the host n8n provides, so one build honours a stopped execution on both.
const library = n8nWorkflow as unknown as { sleep: SleepWithSignal; sleepWithAbort?: SleepWithSignal };
const sleepOnce: SleepWithSignal =
	typeof library.sleepWithAbort === 'function' ? library.sleepWithAbort : library.sleep;

// Sleeping in short slices bounds how long a stop can go unnoticed even on a host whose
// sleep ignores the signal.
const SLICE_MS = 500;

/** Sleeps up to `ms`; returns early (without throwing) when the signal fires. */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	let left = Math.max(0, ms);
	while (left > 0 && !signal?.aborted) {
		const slice = Math.min(left, SLICE_MS);
		// The only rejection is the signal's abort, which the loop condition then sees.
		await sleepOnce(slice, signal).catch(() => undefined);
		left -= slice;
	}
}
