import { apiKeyAccess, connectionForToken, publicConnection, SIM_CONNECTIONS, type KeyAccess, type SimConnection } from './connections';
import type { JobStore } from './jobs';
import { rateLimitHeaders, tooManyRequests, type SlidingWindowLimiter } from './rateLimiter';
import { apiError, json, type Reply } from './reply';
import { matchRoute } from './routes';
import type { JobShape, SyncJob } from './types';
import { validateCreateBody, type ParsedBody } from './validation';

export interface ApiCall {
	method: string;
	path: string;
	query: Record<string, string>;
	/** undefined when the request had no body at all. */
	body: ParsedBody | undefined;
	apiKey?: string;
	accessToken?: string;
}

export interface ApiState {
	clock: () => number;
	/** Only the rate limit counts with this one (SimulatorOptions.rateLimitClock). */
	rateLimitClock: () => number;
	shape: () => JobShape;
	jobs: JobStore;
	limiter: SlidingWindowLimiter;
}

// Order of checks: API key, rate limit, route, access token, read-only key, body. The
// key comes first on every path so an unknown URL cannot be probed without one.
export function handleApiCall(call: ApiCall, state: ApiState): Reply {
	const access = apiKeyAccess(call.apiKey);
	if (!access) return apiError(401, 'Invalid or missing API key');

	const caller = call.accessToken !== undefined ? `token:${call.accessToken}` : `apikey:${call.apiKey}`;
	const decision = state.limiter.hit(caller, call.method, state.rateLimitClock());
	if (!decision.allowed) {
		return tooManyRequests(decision.retryAfterSeconds, decision.limit, decision.resetEpochSeconds);
	}
	const reply = route(call, access, state);
	return { ...reply, headers: { ...rateLimitHeaders(decision), ...reply.headers } };
}

function route(call: ApiCall, access: KeyAccess, state: ApiState): Reply {
	const match = matchRoute(call.method, call.path);
	if (!match) return apiError(404, 'Not found');
	if (!match.methods.includes(call.method)) {
		return { ...apiError(405, 'Method not allowed'), headers: { allow: match.methods.join(', ') } };
	}
	if (match.name === 'listConnections') return listConnections(call);

	const connection = connectionForToken(call.accessToken);
	if (!connection) return apiError(401, 'Invalid or missing access token');
	const jobId = match.jobId ?? '';
	switch (match.name) {
		case 'createJob':
			return createJob(call, access, connection, state);
		case 'getJob':
			return getJob(jobId, connection, state);
		case 'cancelJob':
			return cancelJob(jobId, access, connection, state);
	}
}

function listConnections(call: ApiCall): Reply {
	const token = call.query.access_token;
	// An unknown token narrows to nothing rather than failing: that is how the docs
	// describe the filter, and it is why a credential test must check total_count.
	const list = token === undefined ? SIM_CONNECTIONS : SIM_CONNECTIONS.filter((c) => c.accessToken === token);
	return json(200, { data: list.map(publicConnection), next_token: null, total_count: list.length });
}

function createJob(call: ApiCall, access: KeyAccess, connection: SimConnection, state: ApiState): Reply {
	if (access === 'readOnly') return readOnlyRefusal();
	const checked = validateCreateBody(call.body ?? { ok: false });
	if ('errors' in checked) {
		return apiError(422, 'Validation error', { detail: { body: checked.errors } });
	}
	const { functionName, startMs, endMs } = checked.request;
	if (!connection.enabledFunctions.includes(functionName)) {
		return apiError(400, `On-demand sync is not enabled for ${connection.integration_name} ${functionName}`);
	}
	const job = state.jobs.create({ connectionId: connection.connection_id, functionName, startMs, endMs });
	return json(200, shaped(job, state.shape()));
}

function getJob(id: string, connection: SimConnection, state: ApiState): Reply {
	const job = ownJob(id, connection, state);
	return job ? json(200, shaped(job, state.shape())) : jobNotFound(id);
}

function cancelJob(id: string, access: KeyAccess, connection: SimConnection, state: ApiState): Reply {
	if (access === 'readOnly') return readOnlyRefusal();
	const job = ownJob(id, connection, state);
	if (!job) return jobNotFound(id);
	if (job.status !== 'open') {
		return apiError(400, `Only open sync jobs can be cancelled; job ${id} is ${job.status}`);
	}
	state.jobs.force(id, 'cancelled');
	return json(200, shaped({ ...job, status: 'cancelled' }, state.shape()));
}

// Another connection's job is reported missing, not forbidden, so ids do not leak
// across connections.
function ownJob(id: string, connection: SimConnection, state: ApiState): SyncJob | undefined {
	const job = state.jobs.view(id);
	return job && job.connection_id === connection.connection_id ? job : undefined;
}

function jobNotFound(id: string): Reply {
	return apiError(404, 'Sync job not found', { id });
}

function readOnlyRefusal(): Reply {
	return apiError(403, 'This API key is read-only and cannot perform this action');
}

function shaped(job: SyncJob, shape: JobShape): unknown {
	return shape === 'wrapped' ? { data: job } : job;
}
