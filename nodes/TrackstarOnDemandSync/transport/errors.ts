import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What the transport knows about a failed call; never holds request headers. */
export interface FailedCall {
	method: string;
	path: string;
	status?: number;
	requestId?: string;
	body?: unknown;
	networkCode?: string;
	attempts: number;
	/** Fills hints that need request context, e.g. the function name for a 400. */
	context?: { functionName?: string; syncJobId?: string };
}

interface TrackstarErrorBody {
	error?: unknown;
	origin?: unknown;
	detail?: unknown;
}

// n8n rewrites messages that contain raw codes such as ECONNRESET into generic text, so
// the message says it in words and the code goes into the description.
const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was closed before a reply arrived',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'no reply in time',
	ECONNABORTED: 'no reply in time',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
};

const NOT_ENABLED = /^On-demand sync is not enabled for (.+) (\S+)$/;

function asErrorBody(body: unknown): TrackstarErrorBody | undefined {
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as TrackstarErrorBody)
		: undefined;
}

/** Flattens `{"body": {"start_time": ["Field required"]}}` into "start_time: Field required". */
export function describeValidationDetail(detail: unknown): string | undefined {
	if (!detail || typeof detail !== 'object') return undefined;
	const parts: string[] = [];
	for (const fields of Object.values(detail as Record<string, unknown>)) {
		if (!fields || typeof fields !== 'object') continue;
		for (const [field, problems] of Object.entries(fields as Record<string, unknown>)) {
			const text = Array.isArray(problems) ? problems.join(', ') : String(problems);
			parts.push(`${field}: ${text}`);
		}
	}
	return parts.length > 0 ? parts.join('; ') : undefined;
}

function hintFor(call: FailedCall, trackstarMessage: string | undefined, body?: TrackstarErrorBody): string {
	const status = call.status;
	if (status !== undefined && status >= 200 && status < 300) {
		return call.context?.functionName !== undefined
			? "Trackstar accepted the request but its reply could not be read, so the job was probably created. Check the connection's On-Demand Syncs tab in the Trackstar dashboard before running the workflow again."
			: `Trackstar's reply could not be read after ${call.attempts} attempt(s). Try again later.`;
	}
	if (status === undefined && call.context?.functionName !== undefined) {
		return `No reply from Trackstar, so it is unknown whether the job was created; the node does not send it again, which could start a second job. Check the connection's On-Demand Syncs tab in the Trackstar dashboard before running the workflow again.`;
	}
	if (status === undefined) {
		return `No reply from Trackstar after ${call.attempts} attempt(s). Check the Base URL in the credential and the network between n8n and Trackstar.`;
	}
	if (status === 401) {
		return 'Check the API key and the access token in the Trackstar API credential: the key belongs to your organization, the token to one connection. Reconnecting the integration issues a new token.';
	}
	if (status === 403) {
		return 'The API key may be read-only (creating and cancelling sync jobs need a full-access key), or this endpoint is disabled for your organization or connection. Ask your Trackstar admin.';
	}
	if (status === 400) {
		const notEnabled = trackstarMessage ? NOT_ENABLED.exec(trackstarMessage) : null;
		if (notEnabled) {
			return `Trackstar enables on-demand syncs per integration and function. Ask Trackstar support to enable ${notEnabled[2]} for ${notEnabled[1]}, or pick another function.`;
		}
		return 'Trackstar refused the request. Check the parameters named in the message.';
	}
	if (status === 404) {
		return call.context?.syncJobId !== undefined
			? `No sync job with ID "${call.context.syncJobId}" exists for this connection. Check the ID, and that the credential's access token belongs to the connection that created the job.`
			: 'Trackstar does not know this record or endpoint. Check the Base URL in the credential.';
	}
	if (status === 409) {
		return 'A request with the same idempotency key is still running. Wait for it to finish, then try again.';
	}
	if (status === 422) {
		const fields = describeValidationDetail(body?.detail);
		return fields
			? `Trackstar rejected these fields: ${fields}.`
			: 'Trackstar rejected the request as invalid.';
	}
	if (status === 429) {
		return `Trackstar's rate limit was still exceeded after ${call.attempts} attempt(s). Fewer items per run, or fewer workflows sharing this connection, will help.`;
	}
	if (status === 501) {
		return 'The integration behind this connection does not implement this endpoint.';
	}
	if (status >= 500) {
		return `Trackstar or the integration had trouble (after ${call.attempts} attempt(s)). Try again later; if it persists, give Trackstar support the request ID.`;
	}
	return 'Trackstar refused the request.';
}

function headline(call: FailedCall, trackstarMessage: string | undefined): string {
	if (trackstarMessage) return trackstarMessage;
	if (call.status === undefined) {
		return `Could not reach Trackstar: ${NETWORK_WORDS[call.networkCode ?? ''] ?? 'the request failed without a reply'}`;
	}
	if (typeof call.body === 'string' && /<html/i.test(call.body)) {
		return `Trackstar answered HTTP ${call.status} with an HTML page instead of JSON`;
	}
	if (call.status >= 200 && call.status < 300) {
		return 'Trackstar answered with a reply that is not valid JSON';
	}
	return `Trackstar answered HTTP ${call.status}`;
}

export function toNodeApiError(node: INode, call: FailedCall, itemIndex: number): NodeApiError {
	const body = asErrorBody(call.body);
	const trackstarMessage = typeof body?.error === 'string' && body.error !== '' ? body.error : undefined;
	const where = [
		call.status !== undefined ? `HTTP ${call.status}` : call.networkCode,
		`${call.method} ${call.path}`,
		call.requestId ? `request ID ${call.requestId}` : undefined,
		typeof body?.origin === 'string' ? `origin ${body.origin}` : undefined,
	]
		.filter(Boolean)
		.join(' · ');
	const response: JsonObject = {
		httpCode: call.status === undefined ? null : String(call.status),
		requestId: call.requestId ?? null,
		trackstarError: trackstarMessage ?? null,
		origin: typeof body?.origin === 'string' ? body.origin : null,
		detail: (body?.detail as JsonObject | undefined) ?? null,
		attempts: call.attempts,
	};
	const error = new NodeApiError(node, response, {
		message: headline(call, trackstarMessage),
		description: `${hintFor(call, trackstarMessage, body)} (${where})`,
		httpCode: call.status === undefined ? undefined : String(call.status),
		itemIndex,
	});
	error.context.trackstarAttempts = call.attempts;
	return error;
}

/** Status of a Trackstar reply behind an error from this transport, if any. */
export function trackstarStatusOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError) || error.httpCode === null) return undefined;
	const status = Number(error.httpCode);
	return Number.isInteger(status) ? status : undefined;
}

/** True when the failing call had been sent more than once (an earlier try's fate unknown). */
export function wasRetried(error: unknown): boolean {
	return error instanceof NodeApiError && Number(error.context.trackstarAttempts ?? 1) > 1;
}

/** Failures worth waiting out while polling: rate limits, server trouble, no reply. */
export function isTransient(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = trackstarStatusOf(error);
	return status === undefined || status === 429 || status >= 500 || (status >= 200 && status < 300);
}
