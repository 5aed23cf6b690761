import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toNodeApiError, trackstarStatusOf, wasRetried } from './errors';
import { trackstarRequest, type TrackstarCall } from './request';

const SYNC_JOBS = ['connections', 'on-demand-syncs'];

export interface SyncJob extends IDataObject {
	id: string;
	status: string;
	function_name?: string;
	requested_start_time?: string;
	requested_end_time?: string;
	created_at?: string;
	connection_id?: string;
}

export interface CreateSyncJobBody extends IDataObject {
	start_time: string;
	end_time: string;
	function_name: string;
}

function looksLikeJob(value: unknown): value is SyncJob {
	return (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as IDataObject).id === 'string' &&
		typeof (value as IDataObject).status === 'string'
	);
}

// Trackstar does not document whether a job comes bare or as {"data": job}; its record
// endpoints wrap and its management endpoints do not, so accept both.
function unwrapJob(ctx: IExecuteFunctions, body: unknown, call: Pick<TrackstarCall, 'method' | 'segments' | 'itemIndex'>): SyncJob {
	if (looksLikeJob(body)) return body;
	const wrapped = body !== null && typeof body === 'object' ? (body as IDataObject).data : undefined;
	if (looksLikeJob(wrapped)) return wrapped;
	throw toNodeApiError(
		ctx.getNode(),
		{
			method: call.method,
			path: '/' + call.segments.join('/'),
			status: 200,
			body: { error: 'Trackstar answered without a sync job (no id and status in the reply)' },
			attempts: 1,
		},
		call.itemIndex,
	);
}

async function jobCall(ctx: IExecuteFunctions, call: TrackstarCall): Promise<SyncJob> {
	return unwrapJob(ctx, await trackstarRequest(ctx, call), call);
}

export async function createSyncJob(
	ctx: IExecuteFunctions,
	body: CreateSyncJobBody,
	itemIndex: number,
	timeoutMs?: number,
): Promise<SyncJob> {
	// A create whose fate is unknown is never re-sent: it could open a second job.
	return await jobCall(ctx, {
		method: 'POST',
		segments: SYNC_JOBS,
		body,
		retry: 'rateLimitOnly',
		itemIndex,
		timeoutMs,
		context: { functionName: body.function_name },
	});
}

export async function getSyncJob(
	ctx: IExecuteFunctions,
	syncJobId: string,
	itemIndex: number,
	timeoutMs?: number,
): Promise<SyncJob> {
	return await jobCall(ctx, {
		method: 'GET',
		segments: [...SYNC_JOBS, syncJobId],
		retry: 'safe',
		itemIndex,
		timeoutMs,
		context: { syncJobId },
	});
}

export interface CancelOptions {
	/** Return the job as it is when it is no longer open, instead of failing. */
	returnJobIfNotOpen?: boolean;
	timeoutMs?: number;
	/** Clean-up after a stopped execution: must leave even though the execution was aborted. */
	detached?: boolean;
}

export async function cancelSyncJob(
	ctx: IExecuteFunctions,
	syncJobId: string,
	itemIndex: number,
	options: CancelOptions = {},
): Promise<SyncJob> {
	const outcome = await jobCall(ctx, {
		method: 'POST',
		segments: [...SYNC_JOBS, syncJobId, 'cancel'],
		retry: 'safe',
		itemIndex,
		timeoutMs: options.timeoutMs,
		context: { syncJobId },
		detached: options.detached,
	}).then(
		(job) => ({ job }),
		(error: unknown) => ({ error }),
	);
	if ('job' in outcome) return outcome.job;

	const status = trackstarStatusOf(outcome.error);
	if (status === undefined || ![400, 409, 422].includes(status)) throw outcome.error;
	// Only open jobs can be cancelled. Look at the job to tell "already finished" (or
	// "our earlier try did cancel it") from a refusal for some other reason.
	const job = await getSyncJob(ctx, syncJobId, itemIndex, options.timeoutMs);
	if (job.status === 'open') throw outcome.error;
	if (options.returnJobIfNotOpen || (job.status === 'cancelled' && wasRetried(outcome.error))) return job;
	throw outcome.error;
}
