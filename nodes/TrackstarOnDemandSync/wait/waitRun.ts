import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { abortableSleep } from '../helpers/sleep';
import { cancelSyncJob, ExecutionStoppedError, getSyncJob, isTransient, type SyncJob } from '../transport';
import { FIRST_POLL_MS, MAX_CONSECUTIVE_POLL_FAILURES, nextPollDelayMs } from './pollSchedule';
import { formatDuration, summarize, type Outcome } from './summary';
import type { WaitSettings } from './waitSettings';

export interface WaitClock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: WaitClock = { now: () => Date.now(), sleep: abortableSleep };

/** Clean-up after a stop must be quick: n8n is tearing the execution down. */
const STOP_CANCEL_TIMEOUT_MS = 5000;

/** A wait that ended without a completed job; carries the output item for Continue On Fail. */
export class WaitOutcomeError extends NodeOperationError {
	constructor(
		node: INode,
		message: string,
		description: string,
		itemIndex: number,
		readonly item: IDataObject,
	) {
		super(node, message, { description, itemIndex });
	}
}

export interface WaitResult {
	json: IDataObject;
	output: number;
}

interface Watch {
	job: SyncJob;
	settings: WaitSettings;
	itemIndex: number;
	startedAt: number;
	polls: number;
}

/**
 * Watches sync jobs for one node run. Every item's wait shares the execution's cancel
 * signal and, through the transport, one rate limiter per access token, so many jobs
 * waited at once are polled in turn instead of tripping Trackstar's limit.
 */
export class WaitRun {
	private readonly signal?: AbortSignal;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly clock: WaitClock = realClock,
	) {
		this.signal = ctx.getExecutionCancelSignal?.();
	}

	/**
	 * @param job the job as last seen; with `pollFirst` it is only an ID to look up.
	 */
	async waitFor(job: SyncJob, settings: WaitSettings, itemIndex: number, pollFirst = false): Promise<WaitResult> {
		const watch: Watch = { job, settings, itemIndex, startedAt: this.clock.now(), polls: 0 };
		const deadline = watch.startedAt + settings.timeoutMs;
		let nextPollAt = watch.startedAt + (pollFirst ? 0 : FIRST_POLL_MS);
		let failures = 0;

		while (pollFirst || watch.job.status === 'open') {
			pollFirst = false;
			if (this.signal?.aborted) return await this.stopped(watch);
			const now = this.clock.now();
			if (now >= deadline) return await this.timedOut(watch);
			const pollAt = Math.min(nextPollAt, deadline);
			if (pollAt > now) await this.clock.sleep(pollAt - now, this.signal);
			if (this.signal?.aborted) return await this.stopped(watch);

			const polled = await getSyncJob(this.ctx, watch.job.id, itemIndex).then(
				(job) => ({ job }),
				(error: unknown) => ({ error }),
			);
			if ('job' in polled) {
				watch.job = polled.job;
				watch.polls++;
				failures = 0;
			} else {
				if (polled.error instanceof ExecutionStoppedError) return await this.stopped(watch);
				// Rate limits, 5xx and dropped connections pass; only a streak ends the wait.
				if (!isTransient(polled.error) || ++failures >= MAX_CONSECUTIVE_POLL_FAILURES) throw polled.error;
			}
			const polledAt = this.clock.now();
			nextPollAt = polledAt + nextPollDelayMs(polledAt - watch.startedAt, settings.maxPollIntervalMs);
			if (pollAt >= deadline && watch.job.status === 'open') return await this.timedOut(watch);
		}
		return this.finish(watch, watch.job.status === 'completed' ? 'completed' : watch.job.status);
	}

	private waited(watch: Watch): number {
		return this.clock.now() - watch.startedAt;
	}

	private finish(watch: Watch, outcome: Outcome, note?: string): WaitResult {
		const waitedMs = this.waited(watch);
		const json: IDataObject = {
			...watch.job,
			outcome,
			summary: summarize(watch.job, outcome, waitedMs, this.ctx.getTimezone(), note),
			waitedSeconds: Math.round(waitedMs / 1000),
			pollCount: watch.polls,
		};
		if (outcome === 'completed') return { json, output: 0 };
		if (watch.settings.routeByOutcome) return { json, output: 1 };

		const name = `Sync job ${watch.job.id} (${watch.job.function_name ?? 'unknown function'})`;
		const watched = formatDuration(waitedMs);
		const message =
			outcome === 'timed_out'
				? `${name} was still open after the ${watched} timeout`
				: `${name} ended as ${outcome} after ${watched} of waiting`;
		const description =
			outcome === 'timed_out'
				? `${note ?? ''} Raise "Timeout (Seconds)" for long windows, or check the job in the Trackstar dashboard. To branch instead of failing, turn on "Route by Outcome".`.trim()
				: `Trackstar reports the job as ${outcome}. Check it in the Trackstar dashboard (On-Demand Syncs tab of the connection), then run the workflow again. To branch instead of failing, turn on "Route by Outcome".`;
		throw new WaitOutcomeError(this.ctx.getNode(), message, description, watch.itemIndex, json);
	}

	private async timedOut(watch: Watch): Promise<WaitResult> {
		if (!watch.settings.cancelOnTimeout) {
			return this.finish(watch, 'timed_out', 'the job was left open (Cancel Job on Timeout is off)');
		}
		const cancelled = await cancelSyncJob(this.ctx, watch.job.id, watch.itemIndex, { returnJobIfNotOpen: true }).then(
			(job) => ({ job }),
			(error: unknown) => ({ error }),
		);
		if (!('job' in cancelled)) {
			if (cancelled.error instanceof ExecutionStoppedError) return await this.stopped(watch);
			return this.finish(watch, 'timed_out', `cancelling the job failed: ${(cancelled.error as Error).message}`);
		}
		watch.job = cancelled.job;
		// The job may have finished between the last look and the cancel.
		if (watch.job.status === 'completed') return this.finish(watch, 'completed');
		return this.finish(watch, 'timed_out', `the job was cancelled so the connection's scheduled syncs can resume`);
	}

	private async stopped(watch: Watch): Promise<never> {
		let note = 'the job was left as it is';
		if (watch.settings.cancelOnStop && watch.job.status === 'open') {
			try {
				await cancelSyncJob(this.ctx, watch.job.id, watch.itemIndex, {
					returnJobIfNotOpen: true,
					detached: true,
					timeoutMs: STOP_CANCEL_TIMEOUT_MS,
				});
				note = 'the job was cancelled';
			} catch (error) {
				note = `cancelling the job failed: ${(error as Error).message}`;
			}
		}
		throw new NodeOperationError(
			this.ctx.getNode(),
			`The execution was stopped while waiting for sync job ${watch.job.id}; ${note}`,
			{ itemIndex: watch.itemIndex },
		);
	}
}
