import type { SyncJob } from '../transport';
import { describeWindow } from '../helpers/timeWindow';

export type Outcome = 'completed' | 'timed_out' | 'stopped' | string;

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
	try {
		return describeWindow({ start, end }, zone);
	} catch {
		return `${start} → ${end}`;
	}
}

/** One line a Slack message can use as it is. */
export function summarize(job: SyncJob, outcome: Outcome, waitedMs: number, zone: string, note?: string): string {
	const what = `Trackstar ${job.function_name ?? 'sync'} for ${windowText(job, zone)}`;
	const took = formatDuration(waitedMs);
	let text: string;
	if (outcome === 'completed') text = `${what} completed (waited ${took})`;
	else if (outcome === 'timed_out') text = `${what} did not finish within ${took} (status ${job.status})`;
	else if (outcome === 'stopped') text = `${what} was not finished when the execution was stopped after ${took}`;
	else text = `${what} ended as ${outcome} after ${took}`;
	return `${text}${note ? `; ${note}` : ''}. Job ${job.id}.`;
}
