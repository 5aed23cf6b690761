// The simulator's public types. Other suites (unit, e2e, demo, bench) code against these,
// so change them only together with the contract in test/simulator/index.ts.

export type JobShape = 'bare' | 'wrapped';

// 'open' never finishes; any other string becomes the job's status once its duration has
// passed, so tests can feed the node statuses it has never heard of.
export type JobOutcome = 'completed' | 'stuck' | 'cancelled' | 'open' | string;

export interface JobPlan {
	outcome: JobOutcome;
	durationMs: number;
}

export type FaultKind =
	| 'status500'
	| 'status502'
	| 'status503'
	| 'status504'
	| 'reset'
	| 'slow'
	| 'malformedJson'
	| 'html'
	| 'rateLimit'
	/** Any status and JSON body, for API errors the node's own checks never provoke. */
	| 'reply';

export interface Fault {
	kind: FaultKind;
	/** How many matching requests this fault breaks. Default 1; Infinity is allowed. */
	times?: number;
	method?: 'GET' | 'POST';
	pathIncludes?: string;
	/** For 'slow'. Default 1000. */
	delayMs?: number;
	/**
	 * Run the normal handler (e.g. really create the job) before breaking the reply.
	 * Default true for 'slow' and 'malformedJson', false for everything else.
	 */
	afterHandling?: boolean;
	/** For 'rateLimit'. Default 1. */
	retryAfterSeconds?: number;
	/** For 'reply': the status and JSON body to answer with. */
	status?: number;
	body?: unknown;
}

export interface LoggedRequest {
	requestId: string;
	method: string;
	/** Path without the query string. */
	path: string;
	query: Record<string, string>;
	/** Parsed JSON, the raw text when it is not JSON, undefined when there was no body. */
	body: unknown;
	/** Final status; 0 when the socket was reset (or while the reply is still pending). */
	status: number;
	/** Simulator clock (ms) when the request arrived. */
	at: number;
	accessToken?: string;
	apiKeyValid: boolean;
	fault?: FaultKind;
	/** Exactly as received (lower-case names), secrets included: tests assert on them. */
	headers: Record<string, string>;
}

export interface SyncJob {
	id: string;
	connection_id: string;
	function_name: string;
	status: string;
	requested_start_time: string;
	requested_end_time: string;
	created_at: string;
}

export interface RateLimits {
	get: number;
	post: number;
}

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 'bare'. */
	shape?: JobShape;
	/** Default { outcome: 'completed', durationMs: 2000 }. */
	defaultJob?: JobPlan;
	/** Per second per access token. Default { get: 10, post: 50 }. */
	rateLimits?: RateLimits;
	/** Default Date.now; inject one to test timing without sleeping or to compress time. */
	clock?: () => number;
	/**
	 * The clock the rate limiter alone counts with; default `clock`. A benchmark that
	 * compresses job lifetimes with a virtual `clock` passes Date.now here, so 429s still
	 * follow real request rates instead of every request of a frozen instant colliding.
	 */
	rateLimitClock?: () => number;
	/** Called once per request after its reply was sent (or its socket reset). */
	onRequest?: (entry: LoggedRequest) => void;
}

export interface SimulatorStats {
	/** 429 replies, from the limiter and from injected 'rateLimit' faults alike. */
	rateLimited: number;
	/** Final status counts; 0 counts resets. */
	byStatus: Record<number, number>;
}
