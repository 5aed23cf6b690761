// Turns one execution (its run data) plus the simulator's request log into the numbers
// the benchmark reports. Times come from the simulator's clock (Date.now of the bench
// process) wherever the simulator saw them, so n8n's boot and clock do not enter.
import { nodeItems, nodeRuns, type RunResult } from '../../e2e/lib/run-data';
import type { LoggedRequest } from '../../simulator';
import { NODES } from './workflows';

export type Approach = 'ours' | 'loop';

export interface Measurement {
	approach: Approach;
	jobId: string;
	durationMs: number;
	/** Requests that name this job (GET status checks, and a cancel if there was one); the create is not counted. */
	apiCalls: number;
	/** Of those, answered 429 (should be 0). */
	rateLimited: number;
	/** created_at + planned duration: when the simulator starts answering "completed". */
	completedAt: number;
	/** Arrival of the first GET of this job after completedAt: the workflow learns the job is done. */
	seenAt: number;
	/** seenAt - completedAt. */
	lagMs: number;
	/** GETs after the one that saw the job finished (should be 0: both stop at once). */
	extraCallsAfterSeen: number;
	/** Sum over all nodes of how many times each ran. */
	nodeRuns: number;
	/** Execution start to end as n8n records it (startedAt/stoppedAt); excludes the CLI boot. */
	wallMs: number;
	/** n8n's execution end minus completedAt. */
	endLagMs: number;
	/** The `n8n execute` process, boot included. */
	cliMs: number;
	/** When each call of this job arrived, in ms after created_at (and its HTTP status). */
	calls: Array<{ method: string; atMs: number; status: number }>;
	/** The status the workflow ended up seeing. */
	finalStatus: string;
}

function jobRequests(log: LoggedRequest[], jobId: string): LoggedRequest[] {
	const path = `/connections/on-demand-syncs/${jobId}`;
	return log.filter((r) => r.path === path || r.path.startsWith(`${path}/`));
}

/** The job this execution created (the Create node's single output item). */
export function createdJobId(result: RunResult): string {
	const [job] = nodeItems(result, NODES.create);
	if (typeof job?.id !== 'string') throw new Error(`${NODES.create} did not output a job: ${JSON.stringify(job)}`);
	return job.id;
}

/** The status the waiting part of the workflow saw last. */
function finalStatus(result: RunResult, approach: Approach): string {
	if (approach === 'ours') return String(nodeItems(result, NODES.ours)[0]?.status);
	const runs = nodeRuns(result, NODES.http);
	const last = runs[runs.length - 1]?.data?.main?.[0]?.[0]?.json;
	return String(last?.status);
}

export function measure(
	approach: Approach,
	result: RunResult,
	log: LoggedRequest[],
	durationMs: number,
	cliMs: number,
): Measurement {
	if (result.status !== 'success') {
		throw new Error(`${approach} execution ended ${result.status}: ${result.data.resultData.error?.message ?? ''}`);
	}
	const jobId = createdJobId(result);
	const requests = jobRequests(log, jobId);
	if (requests.length === 0) throw new Error(`${approach}: no request ever named job ${jobId}`);
	const [createdItem] = nodeItems(result, NODES.create);
	const createdAt = Date.parse(String(createdItem.created_at));
	const completedAt = createdAt + durationMs;
	const gets = requests.filter((r) => r.method === 'GET' && r.status === 200);
	const seenIndex = gets.findIndex((r) => r.at >= completedAt);
	if (seenIndex < 0) throw new Error(`${approach}: no GET of ${jobId} after it completed`);
	const seenAt = gets[seenIndex].at;
	const startedAt = Date.parse(String(result.startedAt));
	const stoppedAt = Date.parse(String(result.stoppedAt));
	const nodeRunCount = Object.values(result.data.resultData.runData).reduce((sum, runs) => sum + runs.length, 0);
	return {
		approach,
		jobId,
		durationMs,
		apiCalls: requests.length,
		rateLimited: requests.filter((r) => r.status === 429).length,
		completedAt,
		seenAt,
		lagMs: seenAt - completedAt,
		extraCallsAfterSeen: gets.length - seenIndex - 1,
		nodeRuns: nodeRunCount,
		wallMs: stoppedAt - startedAt,
		endLagMs: stoppedAt - completedAt,
		cliMs,
		calls: requests.map((r) => ({ method: r.method, atMs: r.at - createdAt, status: r.status })),
		finalStatus: finalStatus(result, approach),
	};
}
