import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { handleApiCall, type ApiCall, type ApiState } from './api';
import { apiKeyAccess } from './connections';
import { faultReply, FaultQueue, handlesFirst, slowDelayMs } from './faults';
import { JobStore } from './jobs';
import { SlidingWindowLimiter } from './rateLimiter';
import { apiError, writeReply, type Reply } from './reply';
import { flattenHeaders, RequestLog } from './requestLog';
import type {
	Fault,
	JobPlan,
	JobShape,
	LoggedRequest,
	SimulatorOptions,
	SimulatorStats,
	SyncJob,
} from './types';
import type { ParsedBody } from './validation';

const DEFAULT_JOB: JobPlan = { outcome: 'completed', durationMs: 2000 };
const DEFAULT_RATE_LIMITS = { get: 10, post: 50 };

interface PendingDelay {
	timer: NodeJS.Timeout;
	resolve: () => void;
}

export class TrackstarSimulator {
	static async start(options: SimulatorOptions = {}): Promise<TrackstarSimulator> {
		const sim = new TrackstarSimulator(options);
		await sim.listen(options.port ?? 0, options.host ?? '127.0.0.1');
		return sim;
	}

	private readonly server: Server;
	private readonly sockets = new Set<Socket>();
	private readonly delays = new Set<PendingDelay>();
	private readonly clock: () => number;
	private readonly jobStore: JobStore;
	private readonly limiter: SlidingWindowLimiter;
	private readonly faults = new FaultQueue();
	private readonly log = new RequestLog();
	private readonly state: ApiState;
	private shape: JobShape;
	private address = '';
	private stopping: Promise<void> | undefined;

	private constructor(private readonly options: SimulatorOptions) {
		this.clock = options.clock ?? Date.now;
		this.shape = options.shape ?? 'bare';
		this.jobStore = new JobStore(this.clock, options.defaultJob ?? DEFAULT_JOB);
		this.limiter = new SlidingWindowLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
		this.state = {
			clock: this.clock,
			rateLimitClock: options.rateLimitClock ?? this.clock,
			shape: () => this.shape,
			jobs: this.jobStore,
			limiter: this.limiter,
		};
		this.server = createServer((req, res) => void this.handle(req, res));
		// Tracked by hand as well as closeAllConnections(): keep-alive sockets from fetch
		// would otherwise keep jest (and the CLI) alive after stop().
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** 'http://127.0.0.1:<port>', no trailing slash. */
	get url(): string {
		return this.address;
	}

	/** The live log, in arrival order. */
	get requests(): LoggedRequest[] {
		return this.log.entries;
	}

	get stats(): SimulatorStats {
		return this.log.stats;
	}

	setShape(shape: JobShape): void {
		this.shape = shape;
	}

	setDefaultJob(plan: JobPlan): void {
		this.jobStore.setDefaultPlan(plan);
	}

	planNextJobs(...plans: JobPlan[]): void {
		this.jobStore.planNext(plans);
	}

	injectFault(fault: Fault): void {
		this.faults.add(fault);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	clearLog(): void {
		this.log.clear();
	}

	requestsMatching(method: string, pathIncludes?: string): LoggedRequest[] {
		return this.log.entries.filter(
			(r) => r.method === method.toUpperCase() && (pathIncludes === undefined || r.path.includes(pathIncludes)),
		);
	}

	job(id: string): SyncJob | undefined {
		return this.jobStore.view(id);
	}

	jobs(): SyncJob[] {
		return this.jobStore.all();
	}

	/** Throws for an unknown id, so a typo in a test fails loudly. */
	setJobStatus(id: string, status: string): void {
		this.jobStore.force(id, status);
	}

	/** Back to the state start() gave: also the default job plan and the stats. */
	reset(): void {
		this.jobStore.clear(this.options.defaultJob ?? DEFAULT_JOB);
		this.faults.clear();
		this.log.clear();
		this.log.clearStats();
		this.limiter.clear();
		this.shape = this.options.shape ?? 'bare';
	}

	stop(): Promise<void> {
		this.stopping ??= new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
			for (const socket of this.sockets) socket.destroy();
			// Release slow replies so their handlers finish (writing to nothing) instead
			// of holding timers open.
			for (const pending of this.delays) {
				clearTimeout(pending.timer);
				pending.resolve();
			}
			this.delays.clear();
		});
		return this.stopping;
	}

	private listen(port: number, host: string): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				const { port: actual } = this.server.address() as AddressInfo;
				this.address = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
				resolve();
			});
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		let raw: string;
		try {
			raw = await readBody(req);
		} catch {
			return; // client went away mid-body; there is nobody to answer
		}
		const url = new URL(req.url ?? '/', 'http://simulator.invalid');
		const method = (req.method ?? 'GET').toUpperCase();
		const headers = flattenHeaders(req.headers);
		const body = parseBody(raw);
		const entry = this.log.begin({
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			body: body === undefined ? undefined : body.ok ? body.value : raw,
			headers,
			apiKeyValid: apiKeyAccess(headers['x-trackstar-api-key']) !== undefined,
			at: this.clock(),
		});
		res.setHeader('x-request-id', entry.requestId);

		const call: ApiCall = {
			method,
			path: url.pathname,
			query: entry.query,
			body,
			apiKey: headers['x-trackstar-api-key'],
			accessToken: headers['x-trackstar-access-token'],
		};
		try {
			await this.respond(call, req, res, entry);
		} catch (error) {
			this.send(res, entry, apiError(500, `Simulator bug: ${(error as Error).message}`));
		}
	}

	private async respond(call: ApiCall, req: IncomingMessage, res: ServerResponse, entry: LoggedRequest) {
		const handle = () => handleApiCall(call, this.state);
		const fault = this.faults.take(call.method, call.path);
		if (!fault) return this.send(res, entry, handle());

		entry.fault = fault.kind;
		const handled = handlesFirst(fault) ? handle() : undefined;
		if (fault.kind === 'reset') {
			this.log.finish(entry, 0);
			req.socket.destroy();
			return this.notify(entry);
		}
		if (fault.kind === 'slow') {
			await this.delay(slowDelayMs(fault));
			return this.send(res, entry, handled ?? handle());
		}
		const limit = this.limiter.limitFor(call.method);
		return this.send(res, entry, faultReply(fault, handled, this.clock(), limit));
	}

	private send(res: ServerResponse, entry: LoggedRequest, reply: Reply): void {
		writeReply(res, reply);
		this.log.finish(entry, reply.status);
		this.notify(entry);
	}

	// A throwing observer (e.g. a closed stdout in the CLI) must not turn into a second
	// reply for a request that was already answered.
	private notify(entry: LoggedRequest): void {
		try {
			this.options.onRequest?.(entry);
		} catch (error) {
			console.error('Trackstar simulator: onRequest failed', error);
		}
	}

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const pending: PendingDelay = {
				timer: setTimeout(() => {
					this.delays.delete(pending);
					resolve();
				}, ms),
				resolve,
			};
			this.delays.add(pending);
		});
	}
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
		req.on('aborted', () => reject(new Error('aborted')));
	});
}

function parseBody(raw: string): ParsedBody | undefined {
	if (raw.length === 0) return undefined;
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false };
	}
}
