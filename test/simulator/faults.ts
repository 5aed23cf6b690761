import { tooManyRequests } from './rateLimiter';
import { apiError, serialise, type Reply } from './reply';
import type { Fault, FaultKind } from './types';

const KINDS: readonly FaultKind[] = [
	'status500',
	'status502',
	'status503',
	'status504',
	'reset',
	'slow',
	'malformedJson',
	'html',
	'rateLimit',
	'reply',
];

const SERVER_ERRORS: Partial<Record<FaultKind, [number, string]>> = {
	status500: [500, 'Internal server error'],
	status502: [502, 'Bad gateway'],
	status503: [503, 'Service unavailable'],
	status504: [504, 'Gateway timeout'],
};

const DEFAULT_SLOW_MS = 1000;

interface Armed {
	fault: Fault;
	left: number;
}

// Faults fire in the order they were injected; the first one whose filters match the
// request is consumed, so tests can script "first create fails, second succeeds".
export class FaultQueue {
	private armed: Armed[] = [];

	add(fault: Fault): void {
		if (!KINDS.includes(fault.kind)) throw new Error(`Trackstar simulator: unknown fault kind ${String(fault.kind)}`);
		const times = fault.times ?? 1;
		if (!(times > 0)) throw new Error('Trackstar simulator: fault times must be positive');
		this.armed.push({ fault: { ...fault }, left: times });
	}

	clear(): void {
		this.armed = [];
	}

	take(method: string, path: string): Fault | undefined {
		const hit = this.armed.find(
			({ fault }) =>
				(fault.method === undefined || fault.method === method) &&
				(fault.pathIncludes === undefined || path.includes(fault.pathIncludes)),
		);
		if (!hit) return undefined;
		hit.left -= 1;
		if (hit.left <= 0) this.armed = this.armed.filter((a) => a !== hit);
		return hit.fault;
	}
}

// Slow and malformed replies are most useful after the work happened (the job exists but
// the client never learns its id); a reset is most useful before (nothing happened).
export function handlesFirst(fault: Fault): boolean {
	return fault.afterHandling ?? (fault.kind === 'slow' || fault.kind === 'malformedJson');
}

export function slowDelayMs(fault: Fault): number {
	return fault.delayMs ?? DEFAULT_SLOW_MS;
}

// The broken reply for every kind except 'reset' (no reply) and 'slow' (normal reply,
// late), which the server handles itself.
export function faultReply(fault: Fault, handled: Reply | undefined, now: number, limit: number): Reply {
	const serverError = SERVER_ERRORS[fault.kind];
	if (serverError) return apiError(serverError[0], serverError[1]);
	switch (fault.kind) {
		case 'html':
			return {
				status: 502,
				raw: { contentType: 'text/html', text: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
			};
		case 'rateLimit': {
			const retryAfter = fault.retryAfterSeconds ?? 1;
			return tooManyRequests(retryAfter, limit, Math.ceil(now / 1000) + retryAfter);
		}
		case 'reply':
			return {
				status: fault.status ?? 500,
				raw: { contentType: 'application/json', text: JSON.stringify(fault.body ?? {}) },
			};
		case 'malformedJson':
			return { status: 200, raw: { contentType: 'application/json', text: truncated(handled) } };
		default:
			throw new Error(`Trackstar simulator: fault ${fault.kind} has no reply`);
	}
}

// Any proper prefix of a JSON object is invalid JSON, so half the real body is enough.
function truncated(handled: Reply | undefined): string {
	if (!handled) return '{"id": "odsj_';
	const text = serialise(handled).text;
	return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
