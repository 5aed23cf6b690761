import path from 'node:path';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import type * as TransportModule from '../../nodes/TrackstarOnDemandSync/transport';
import type { SyncJob } from '../../nodes/TrackstarOnDemandSync/transport';
import type * as WaitRunModule from '../../nodes/TrackstarOnDemandSync/wait/waitRun';
import type { WaitSettings } from '../../nodes/TrackstarOnDemandSync/wait/waitSettings';
import type { VirtualClock } from './virtualClock';

// The compiled files n8n loads, the same module instances the harness's node uses, so
// the waits here share the node's per-token rate limiter.
const DIST = path.resolve(__dirname, '..', '..', 'dist', 'nodes', 'TrackstarOnDemandSync');
const { WaitRun } = require(path.join(DIST, 'wait', 'waitRun')) as typeof WaitRunModule;
const { getSyncJob, isTransient, ExecutionStoppedError } = require(path.join(DIST, 'transport')) as typeof TransportModule;

/** Same streak the node tolerates (MAX_CONSECUTIVE_POLL_FAILURES), so both modes are judged alike. */
const MAX_FAILURES_IN_A_ROW = 4;

export type WaitMode = 'ours' | 'fixed';

export interface WaitObservation {
	id: string;
	itemIndex: number;
	/** The last status the waiter saw. */
	status: string;
	/** Virtual ms when the wait started and when it ended (its last GET). */
	startedAt: number;
	seenAt: number;
	/** Successful polls, as the node counts them. */
	polls: number;
	error?: string;
}

/** What one run of the waiter node shares with the bench driver. */
export interface WaiterLane {
	clock: VirtualClock;
	mode: WaitMode;
	settings: WaitSettings;
	fixedIntervalMs: number;
	/** Waits in progress right now (the memory sampler reads it). */
	waiting: number;
	/** Real (wall-clock) ms when the waits started and when the last one ended. */
	realStartedAt?: number;
	realEndedAt?: number;
	observations: WaitObservation[];
}

async function waitFixed(
	ctx: IExecuteFunctions,
	lane: WaiterLane,
	job: SyncJob,
	itemIndex: number,
	signal: AbortSignal | undefined,
): Promise<{ job: SyncJob; polls: number }> {
	const startedAt = lane.clock.now();
	let polls = 0;
	let failures = 0;
	while (job.status === 'open' && lane.clock.now() - startedAt < lane.settings.timeoutMs) {
		await lane.clock.sleep(lane.fixedIntervalMs, signal);
		if (signal?.aborted) throw new Error('The execution was stopped');
		try {
			job = await getSyncJob(ctx, job.id, itemIndex);
			polls++;
			failures = 0;
		} catch (error) {
			if (error instanceof ExecutionStoppedError || !isTransient(error) || ++failures >= MAX_FAILURES_IN_A_ROW) throw error;
		}
	}
	return { job, polls };
}

/**
 * Bench-only node type `bench.waiter`: waits for every input item's job at once, as the
 * node's router does, either with the node's own WaitRun (our schedule) on the lane's
 * virtual clock, or with a plain fixed-interval poller over the node's transport.
 * Outputs one observation per item.
 */
export function waiterNodeType(lane: WaiterLane): INodeType {
	return {
		description: {
			displayName: 'Bench waiter',
			name: 'waiter',
			group: ['transform'],
			version: 1,
			description: 'Waits for the input jobs on a virtual clock',
			defaults: { name: 'Waiter' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'trackstarApi', required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const jobs = this.getInputData().map((item) => item.json as SyncJob);
			const signal = this.getExecutionCancelSignal?.();
			const waitRun = new WaitRun(this, lane.clock);
			// Every wait takes part from the start, so time cannot move before the last
			// one has started.
			lane.clock.join(jobs.length);
			lane.waiting += jobs.length;
			lane.realStartedAt ??= Date.now();
			const observations = await Promise.all(
				jobs.map(async (job, itemIndex): Promise<WaitObservation> => {
					const startedAt = lane.clock.now();
					const seen = (status: string, polls: number, error?: string): WaitObservation => ({
						id: job.id,
						itemIndex,
						status,
						startedAt,
						seenAt: lane.clock.now(),
						polls,
						...(error === undefined ? {} : { error }),
					});
					try {
						if (lane.mode === 'ours') {
							const { json } = await waitRun.waitFor(job, lane.settings, itemIndex, false);
							return seen(String(json.status), Number(json.pollCount));
						}
						const fixed = await waitFixed(this, lane, job, itemIndex, signal);
						return seen(fixed.job.status, fixed.polls);
					} catch (error) {
						return seen('error', -1, (error as Error).message);
					} finally {
						lane.waiting--;
						lane.clock.leave();
					}
				}),
			);
			lane.realEndedAt = Date.now();
			lane.observations.push(...observations);
			return [observations.map((json, item) => ({ json: json as unknown as IDataObject, pairedItem: { item } }))];
		},
	};
}
