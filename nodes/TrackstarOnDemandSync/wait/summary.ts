import type { SyncJob } from '../transport';
import { describeWindow } from '../helpers/timeWindow';

/** `completed`, `timed_out`, or the status Trackstar ended the job with. */
export type Outcome = string;

export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	if (h > 0) return `${h}h ${m}m`;
	if (m > 0) return `${m}m ${s}s`;
	return `${s}s`;
}

function windowText(job: SyncJob, zone: string): string {
	const start = job.requested_start_time;
	const end = job.requested_end_time;
	if (typeof start !== 'string' || typeof end !== 'string') return 'an unknown window';
	// describeWindow never throws: it shows values it cannot parse as they are.
	return describeWindow({ start, end }, zone);
}

/** One line a Slack message can use as it is. */
export function summarize(job: SyncJob, outcome: Outcome, waitedMs: number, zone: string, note?: string): string {
	const what = `Trackstar ${job.function_name ?? 'sync'} for ${windowText(job, zone)}`;
	const took = formatDuration(waitedMs);
	let text: string;
	if (outcome === 'completed') text = `${what} completed (waited ${took})`;
	else if (outcome === 'timed_out') text = `${what} did not finish within ${took} (status ${job.status})`;
	else text = `${what} ended as ${outcome} after ${took}`;
	return `${text}${note ? `; ${note}` : ''}. Job ${job.id}.`;
}
