import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { abortableSleep } from '../helpers/sleep';
import { toNodeApiError, type FailedCall } from './errors';
import { networkCodeOf } from './networkErrors';
import { limiterForToken, type SlidingWindowLimiter } from './rateLimiter';
import { parseRetryAfter, retryDelayMs, shouldRetry, type AttemptFailure, type RetryMode } from './retryPolicy';

export const CREDENTIAL_TYPE = 'trackstarApi';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface TrackstarCall {
	method: 'GET' | 'POST';
	/** Path segments, encoded here so no caller builds URLs. */
	segments: string[];
	body?: IDataObject;
	retry: RetryMode;
	itemIndex: number;
	timeoutMs?: number;
	context?: FailedCall['context'];
	/**
	 * Sends outside the execution's cancel signal: for clean-up after a stop, which n8n
	 * 2.x would otherwise abort before it leaves (it ties authenticated requests to it).
	 */
	detached?: boolean;
}

interface RawReply {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

interface Connection {
	baseUrl: string;
	apiKey: string;
	accessToken: string;
	limiter: SlidingWindowLimiter;
}

/** The execution's cancel signal fired while a request was queued or in flight. */
export class ExecutionStoppedError extends NodeOperationError {
	constructor(node: INode) {
		super(node, 'The execution was stopped');
	}
}

async function connectionFor(ctx: IExecuteFunctions): Promise<Connection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const accessToken = String(credentials.accessToken ?? '');
	return {
		baseUrl: String(credentials.baseUrl ?? '').trim().replace(/\/+$/, ''),
		apiKey: String(credentials.apiKey ?? ''),
		accessToken,
		limiter: limiterForToken(accessToken),
	};
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function parseBody(body: unknown): { value: unknown; readable: boolean } {
	if (typeof body !== 'string') return { value: body, readable: true };
	if (body.trim() === '') return { value: undefined, readable: true };
	try {
		return { value: JSON.parse(body), readable: true };
	} catch {
		return { value: body, readable: false };
	}
}

async function send(ctx: IExecuteFunctions, connection: Connection, call: TrackstarCall, url: string): Promise<RawReply> {
	const options: IHttpRequestOptions = {
		method: call.method,
		url,
		headers: { accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Read bodies as text so a truncated or HTML reply is ours to judge, not a parser crash.
		encoding: 'text',
		json: false,
		timeout: call.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
	};
	if (call.body !== undefined) {
		options.body = JSON.stringify(call.body);
		options.headers = { ...options.headers, 'content-type': 'application/json' };
	}
	if (call.detached) {
		options.headers = {
			...options.headers,
			'x-trackstar-api-key': connection.apiKey,
			'x-trackstar-access-token': connection.accessToken,
		};
		return (await ctx.helpers.httpRequest(options)) as RawReply;
	}
	const signal = ctx.getExecutionCancelSignal?.();
	if (signal) options.abortSignal = signal;
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as RawReply;
}

/**
 * The one place that talks HTTP to Trackstar: URL, authentication, rate limit, retries,
 * and the translation of failures into NodeApiError. Returns the parsed JSON body.
 */
export async function trackstarRequest(ctx: IExecuteFunctions, call: TrackstarCall): Promise<unknown> {
	const connection = await connectionFor(ctx);
	const path = '/' + call.segments.map((segment) => encodeURIComponent(segment)).join('/');
	const url = connection.baseUrl + path;
	const signal = call.detached ? undefined : ctx.getExecutionCancelSignal?.();
	const failed = (attempts: number, extra: Partial<FailedCall>) =>
		toNodeApiError(ctx.getNode(), { method: call.method, path, attempts, context: call.context, ...extra }, call.itemIndex);

	for (let attempt = 1; ; attempt++) {
		const release = await connection.limiter.acquire(call.method === 'GET' ? 'read' : 'write', abortableSleep, signal);
		if (signal?.aborted) throw new ExecutionStoppedError(ctx.getNode());

		const outcome = await send(ctx, connection, call, url).then(
			(reply) => ({ reply }),
			(error: unknown) => ({ error }),
		);
		release();
		if (signal?.aborted) throw new ExecutionStoppedError(ctx.getNode());
		if (!('reply' in outcome)) {
			const networkCode = networkCodeOf(outcome.error) ?? 'network error';
			const failure: AttemptFailure = {};
			if (!shouldRetry(call.retry, failure, attempt)) throw failed(attempt, { networkCode });
			await abortableSleep(retryDelayMs(failure, attempt), signal);
			continue;
		}
		const reply = outcome.reply;

		const requestId = header(reply.headers, 'x-request-id');
		const parsed = parseBody(reply.body);
		const status = reply.statusCode;
		if (status >= 200 && status < 300 && parsed.readable) return parsed.value;

		const failure: AttemptFailure = {
			status,
			retryAfterMs: parseRetryAfter(header(reply.headers, 'retry-after')),
			unreadableReply: status >= 200 && status < 300,
		};
		if (status === 429) connection.limiter.pauseFor(failure.retryAfterMs ?? 1000);
		if (!shouldRetry(call.retry, failure, attempt)) {
			throw failed(attempt, { status, requestId, body: parsed.value });
		}
		await abortableSleep(retryDelayMs(failure, attempt), signal);
	}
}
