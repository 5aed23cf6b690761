import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type * as WaitSettingsModule from '../../nodes/TrackstarOnDemandSync/wait/waitSettings';
import type { WaitSettings } from '../../nodes/TrackstarOnDemandSync/wait/waitSettings';
import { runWorkflow, type WorkflowJson } from '../harness';
import { SIM_CREDENTIALS, TrackstarSimulator, type LoggedRequest } from '../simulator';
import type { BenchJob, Connection } from './jobs';
import { VirtualClock } from './virtualClock';
import { waiterNodeType, type WaitMode, type WaiterLane, type WaitObservation } from './waiterNode';

const { DEFAULT_MAX_POLL_INTERVAL_SECONDS } = require(
	path.resolve(__dirname, '..', '..', 'dist', 'nodes', 'TrackstarOnDemandSync', 'wait', 'waitSettings'),
) as typeof WaitSettingsModule;

/** The node's default Longest Poll Interval. */
export const DEFAULT_MAX_INTERVAL_MS = DEFAULT_MAX_POLL_INTERVAL_SECONDS * 1000;
export const FIXED_INTERVAL_MS = 5000;

const SYNC_PATH = '/connections/on-demand-syncs/';
const CREDENTIAL_ID = 'bench-credential';

export interface JobResult {
	job: BenchJob;
	connection: string;
	id: string;
	/** GETs of this job that reached the simulator (retries included). */
	gets: number;
	/** Virtual ms from the job's end to the moment the waiter saw it. */
	lagMs: number;
	status: string;
	error?: string;
}

export interface LaneResult {
	mode: WaitMode;
	connection: string;
	jobs: JobResult[];
	gets: number;
	posts: number;
	rateLimited: number;
	virtualMs: number;
	wallMs: number;
	/** Real ms from the first wait's start to the last wait's end. */
	waitWallMs: number;
	jumps: number;
}

export interface LaneOptions {
	mode: WaitMode;
	connection: Connection;
	jobs: BenchJob[];
	maxPollIntervalMs?: number;
	/** Started once the simulator is up and before the workflow runs (memory sampling). */
	watch?: (lane: WaiterLane, sim: TrackstarSimulator) => { stop(): Promise<void> | void };
	log?: (line: string) => void;
}

interface Sighting {
	at: number;
	jobStatus?: string;
}

/** Manual Trigger → Items (one per job) → the real node's Create (no waiting) → bench.waiter. */
function laneWorkflow(options: LaneOptions): WorkflowJson {
	const credentials = { trackstarApi: { id: CREDENTIAL_ID, name: 'Trackstar (simulator)' } };
	return {
		name: `Bench ${options.mode} ${options.connection.name}`,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{
				name: 'Items',
				type: 'harness.items',
				typeVersion: 1,
				parameters: { items: JSON.stringify(options.jobs.map(() => ({}))) },
			},
			{
				name: 'Create',
				type: 'n8n-nodes-trackstar.trackstarOnDemandSync',
				typeVersion: 1,
				parameters: {
					operation: 'create',
					...options.connection.createParameters,
					timeWindow: 'custom',
					startTime: '2026-01-01T00:00:00Z',
					endTime: '2026-01-02T00:00:00Z',
				} as INodeParameters,
				credentials,
			},
			{ name: 'Waiter', type: 'bench.waiter', typeVersion: 1, parameters: {}, credentials },
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
			Create: { main: [[{ node: 'Waiter', type: 'main', index: 0 }]] },
		},
		settings: { timezone: 'UTC' },
	};
}

/**
 * One run: a fresh simulator on a fresh virtual clock, the jobs created through the real
 * node, then all of them waited for at once with one schedule, over one access token.
 */
export async function runLane(options: LaneOptions): Promise<LaneResult> {
	const wallStart = Date.now();
	// Whole seconds, so created_at (second precision) is the exact creation instant.
	const clock = new VirtualClock(Math.ceil(Date.now() / 1000) * 1000);
	const sightings = new Map<string, Sighting[]>();
	let gets = 0;
	let posts = 0;
	const sim: TrackstarSimulator = await TrackstarSimulator.start({
		clock: clock.now,
		// 429s counted at real request rates: the node's own limiter runs in real time too.
		rateLimitClock: Date.now,
		onRequest: (entry: LoggedRequest) => {
			if (entry.method === 'GET') gets++;
			else posts++;
			if (entry.method === 'GET' && entry.path.startsWith(SYNC_PATH)) {
				const id = entry.path.slice(SYNC_PATH.length);
				// Virtual time stands still while a request is in flight, so this is the
				// status the reply carried.
				const list = sightings.get(id) ?? [];
				list.push({ at: entry.at, jobStatus: entry.status === 200 ? sim.job(id)?.status : undefined });
				sightings.set(id, list);
			}
			// Counted above; the log itself would only grow the heap the memory run measures.
			sim.clearLog();
		},
	});
	const settings: WaitSettings = {
		timeoutMs: 2 * 3600 * 1000,
		maxPollIntervalMs: options.maxPollIntervalMs ?? DEFAULT_MAX_INTERVAL_MS,
		cancelOnTimeout: true,
		cancelOnStop: true,
		routeByOutcome: true,
	};
	const lane: WaiterLane = { clock, mode: options.mode, settings, fixedIntervalMs: FIXED_INTERVAL_MS, waiting: 0, observations: [] };
	const watcher = options.watch?.(lane, sim);
	try {
		// Jobs take their plan in creation order, and Create runs items in order.
		sim.planNextJobs(...options.jobs.map((job) => ({ outcome: 'completed', durationMs: job.durationMs })));
		const result = await runWorkflow(laneWorkflow(options), {
			timeoutMs: 20 * 60_000,
			nodeTypes: { 'bench.waiter': waiterNodeType(lane) },
			credentials: {
				[CREDENTIAL_ID]: { apiKey: SIM_CREDENTIALS.apiKey, accessToken: options.connection.accessToken, baseUrl: sim.url },
			},
		});
		await watcher?.stop();
		if (result.status !== 'success') {
			throw new Error(`${options.mode}/${options.connection.name}: the workflow ended ${result.status}: ${result.error?.message}`);
		}
		const created = result.json('Create');
		const byId = new Map<string, WaitObservation>(lane.observations.map((o) => [o.id, o]));
		const jobs = options.jobs.map((job, index): JobResult => {
			const id = String(created[index].id);
			const observation = byId.get(id);
			if (!observation) throw new Error(`No wait observed for job ${id}`);
			const endAt = Date.parse(String(sim.job(id)?.created_at)) + job.durationMs;
			const seen = sightings.get(id) ?? [];
			const firstFinal = seen.find((s) => s.jobStatus !== undefined && s.jobStatus !== 'open');
			const lastOpen = seen.filter((s) => s.jobStatus === 'open').pop();
			// The job's plan must be the one we think: open before its end, done from it on.
			if (observation.status === 'completed' && (!firstFinal || firstFinal.at < endAt || (lastOpen && lastOpen.at >= endAt))) {
				throw new Error(`Bench bug: job ${id} was not seen ending at its planned time`);
			}
			if (firstFinal && firstFinal.at !== observation.seenAt) {
				throw new Error(`Bench bug: job ${id} seen at ${observation.seenAt}, but its first final reply was at ${firstFinal.at}`);
			}
			return {
				job,
				connection: options.connection.name,
				id,
				gets: seen.length,
				lagMs: observation.seenAt - endAt,
				status: observation.status,
				...(observation.error ? { error: observation.error } : {}),
			};
		});
		const laneResult: LaneResult = {
			mode: options.mode,
			connection: options.connection.name,
			jobs,
			gets,
			posts,
			rateLimited: sim.stats.rateLimited,
			virtualMs: clock.now() - clock.startMs,
			wallMs: Date.now() - wallStart,
			waitWallMs: (lane.realEndedAt ?? 0) - (lane.realStartedAt ?? 0),
			jumps: clock.jumps,
		};
		options.log?.(
			`${options.mode}/${options.connection.name}: ${jobs.length} jobs, ${gets} GETs, ${posts} POSTs, ` +
				`${laneResult.rateLimited} × 429, ${(laneResult.virtualMs / 60_000).toFixed(1)} virtual min in ${(laneResult.wallMs / 1000).toFixed(1)} s`,
		);
		return laneResult;
	} finally {
		await watcher?.stop();
		await sim.stop();
	}
}
