import { SIM_CREDENTIALS, TrackstarSimulator, type FaultKind, type SimulatorOptions } from './simulator';

// One simulator on a frozen clock: every timing assertion moves `now` by hand, so the
// suite never sleeps except where real wall time is the point (slow faults, real clock).
const T0 = Date.parse('2026-01-10T12:00:00.000Z');
let now = T0;
let sim: TrackstarSimulator;

const CREATE = '/connections/on-demand-syncs';
const WINDOW = { start_time: '2025-12-01T00:00:00Z', end_time: '2026-01-01T00:00:00Z' };
const JOB_FIELDS = [
	'connection_id',
	'created_at',
	'function_name',
	'id',
	'requested_end_time',
	'requested_start_time',
	'status',
];

interface CallOptions {
	/** null sends no header; undefined sends the full key / WMS token. */
	key?: string | null;
	token?: string | null;
	body?: unknown;
	rawBody?: string;
	target?: TrackstarSimulator;
	signal?: AbortSignal;
}

async function call(method: string, path: string, options: CallOptions = {}) {
	const headers: Record<string, string> = {};
	const key = options.key === undefined ? SIM_CREDENTIALS.apiKey : options.key;
	const token = options.token === undefined ? SIM_CREDENTIALS.wmsAccessToken : options.token;
	if (key !== null) headers['x-trackstar-api-key'] = key;
	if (token !== null) headers['x-trackstar-access-token'] = token;
	let body = options.rawBody;
	if (body === undefined && options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] = 'application/json';
	}
	const res = await fetch(`${(options.target ?? sim).url}${path}`, { method, headers, body, signal: options.signal });
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

const createJob = (functionName = 'get_orders', options: CallOptions = {}) =>
	call('POST', CREATE, { body: { ...WINDOW, function_name: functionName }, ...options });
const getJob = (id: string, options: CallOptions = {}) => call('GET', `${CREATE}/${id}`, options);
const cancelJob = (id: string, options: CallOptions = {}) => call('POST', `${CREATE}/${id}/cancel`, options);

async function withSim<T>(options: SimulatorOptions, run: (other: TrackstarSimulator) => Promise<T>): Promise<T> {
	const other = await TrackstarSimulator.start(options);
	try {
		return await run(other);
	} finally {
		await other.stop();
	}
}

beforeAll(async () => {
	sim = await TrackstarSimulator.start({ clock: () => now });
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	now = T0;
	sim.reset();
});

describe('server basics', () => {
	it('listens on loopback and tags every reply with a logged X-Request-Id', async () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const first = await call('GET', '/connections');
		const second = await call('GET', '/nowhere', { key: null });
		const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
		expect(ids[0]).toMatch(/^req_[0-9a-f]{24}$/);
		expect(ids[1]).toMatch(/^req_[0-9a-f]{24}$/);
		expect(ids[0]).not.toBe(ids[1]);
		expect(sim.requests.map((r) => r.requestId)).toEqual(ids);
		expect(first.headers.get('content-type')).toBe('application/json');
	});

	it('logs method, path, query, parsed body, headers, token, key validity, clock time and status', async () => {
		now = T0 + 1234;
		await call('GET', `/connections?access_token=${SIM_CREDENTIALS.cartAccessToken}&x=1`, { token: null });
		await createJob('get_products', { key: 'nope' });
		await call('POST', CREATE, { rawBody: '{broken' });

		const [list, create, broken] = sim.requests;
		expect(list).toMatchObject({
			method: 'GET',
			path: '/connections',
			query: { access_token: SIM_CREDENTIALS.cartAccessToken, x: '1' },
			body: undefined,
			status: 200,
			at: T0 + 1234,
			apiKeyValid: true,
			accessToken: undefined,
		});
		expect(list.headers['x-trackstar-api-key']).toBe(SIM_CREDENTIALS.apiKey);
		expect(create).toMatchObject({
			method: 'POST',
			path: CREATE,
			body: { ...WINDOW, function_name: 'get_products' },
			status: 401,
			apiKeyValid: false,
			accessToken: SIM_CREDENTIALS.wmsAccessToken,
		});
		expect(create.headers['x-trackstar-access-token']).toBe(SIM_CREDENTIALS.wmsAccessToken);
		expect(broken.body).toBe('{broken');
		expect(broken.status).toBe(422);
		expect(sim.requestsMatching('post', 'on-demand')).toHaveLength(2);
		expect(sim.requestsMatching('GET')).toEqual([list]);
		expect(sim.stats.byStatus).toEqual({ 200: 1, 401: 1, 422: 1 });
	});

	it('answers 404 for unknown paths (strictly) and 405 for the wrong method', async () => {
		for (const path of ['/nowhere', '/connections/', '/connections/on-demand-syncs/a/b/c']) {
			const res = await call('GET', path);
			expect([path, res.status, res.json]).toEqual([path, 404, { error: 'Not found', origin: 'trackstar' }]);
		}
		const listJobs = await call('GET', CREATE);
		expect(listJobs.status).toBe(405);
		expect(listJobs.headers.get('allow')).toBe('POST');
		expect(listJobs.json).toEqual({ error: 'Method not allowed', origin: 'trackstar' });
		expect((await call('DELETE', '/connections')).status).toBe(405);
		expect((await call('POST', `${CREATE}/odsj_1`)).status).toBe(405);
	});
});

describe('authentication', () => {
	it.each([
		['missing', null],
		['unknown', 'sim_api_key_wrong'],
	])('rejects a %s API key on every path', async (_label, key) => {
		const expected = { error: 'Invalid or missing API key', origin: 'trackstar' };
		for (const [method, path] of [
			['GET', '/connections'],
			['POST', CREATE],
			['GET', `${CREATE}/odsj_1`],
			['POST', `${CREATE}/odsj_1/cancel`],
			['GET', '/nowhere'],
		]) {
			const body = method === 'POST' ? { ...WINDOW, function_name: 'get_orders' } : undefined;
			const res = await call(method, path, { key, body });
			expect([method, path, res.status, res.json]).toEqual([method, path, 401, expected]);
		}
		expect(sim.jobs()).toHaveLength(0);
	});

	it('rejects a missing or unknown access token on the on-demand endpoints', async () => {
		const expected = { error: 'Invalid or missing access token', origin: 'trackstar' };
		const { json: job } = await createJob();
		for (const token of [null, 'sim_token_nope']) {
			expect(await createJob('get_orders', { token })).toMatchObject({ status: 401, json: expected });
			expect(await getJob(job.id, { token })).toMatchObject({ status: 401, json: expected });
			expect(await cancelJob(job.id, { token })).toMatchObject({ status: 401, json: expected });
		}
		expect(sim.jobs()).toHaveLength(1);
	});

	it('lets a read-only key read but not create or cancel', async () => {
		const refusal = { error: 'This API key is read-only and cannot perform this action', origin: 'trackstar' };
		const readOnly = { key: SIM_CREDENTIALS.readOnlyApiKey };
		expect(await createJob('get_orders', readOnly)).toMatchObject({ status: 403, json: refusal });
		// The refusal comes before validation: a bad body still gets 403.
		expect(await call('POST', CREATE, { ...readOnly, rawBody: 'x' })).toMatchObject({ status: 403 });
		expect(sim.jobs()).toHaveLength(0);

		const { json: job } = await createJob();
		expect(await getJob(job.id, readOnly)).toMatchObject({ status: 200, json: { id: job.id, status: 'open' } });
		expect(await cancelJob(job.id, readOnly)).toMatchObject({ status: 403, json: refusal });
		expect(sim.job(job.id)?.status).toBe('open');
		expect((await call('GET', '/connections', readOnly)).status).toBe(200);
	});
});

describe('GET /connections', () => {
	it('lists every connection without exposing tokens', async () => {
		const res = await call('GET', '/connections', { token: null });
		expect(res.status).toBe(200);
		expect(res.json.total_count).toBe(3);
		expect(res.json.next_token).toBeNull();
		expect(res.json.data.map((c: any) => [c.connection_id, c.integration_name, c.integration_type])).toEqual([
			['conn_wms_1', 'shipbob', 'wms'],
			['conn_carrier_1', 'ups', 'carrier'],
			['conn_cart_1', 'shopify', 'cart'],
		]);
		expect(Object.keys(res.json.data[0]).sort()).toEqual([
			'connection_id',
			'created_at',
			'integration_name',
			'integration_type',
			'sync_schedules',
		]);
		expect(res.json.data[0].sync_schedules).toEqual([]);
		expect(res.text).not.toContain('sim_token');
	});

	it('narrows to the access_token query and answers an empty list for an unknown one', async () => {
		const carrier = await call('GET', `/connections?access_token=${SIM_CREDENTIALS.carrierAccessToken}`);
		expect(carrier.json.total_count).toBe(1);
		expect(carrier.json.data[0].connection_id).toBe('conn_carrier_1');

		const unknown = await call('GET', '/connections?access_token=sim_token_nope');
		expect(unknown.status).toBe(200);
		expect(unknown.json).toEqual({ data: [], next_token: null, total_count: 0 });
	});
});

describe('POST /connections/on-demand-syncs', () => {
	it('creates an open job with normalised UTC times and the clock as created_at', async () => {
		now = T0 + 250;
		const res = await call('POST', CREATE, {
			body: {
				start_time: '2025-12-01T01:00:00+01:00',
				end_time: '2025-12-31T19:00:00.000-05:00',
				function_name: 'get_inventory_ledger',
			},
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			id: expect.stringMatching(/^odsj_[0-9a-f]{16}$/),
			connection_id: 'conn_wms_1',
			function_name: 'get_inventory_ledger',
			status: 'open',
			requested_start_time: '2025-12-01T00:00:00Z',
			requested_end_time: '2026-01-01T00:00:00Z',
			created_at: '2026-01-10T12:00:00.250Z',
		});
		expect(sim.jobs()).toEqual([res.json]);
		expect(res.headers.get('x-ratelimit-limit')).toBe('50');
	});

	it('creates carrier invoice jobs on the carrier connection', async () => {
		const res = await createJob('get_invoice_line_items', { token: SIM_CREDENTIALS.carrierAccessToken });
		expect(res.status).toBe(200);
		expect(res.json.connection_id).toBe('conn_carrier_1');
	});

	const missing = ['Field required'];
	const badTime = [expect.stringContaining('ISO 8601')];
	it.each<[string, { body?: unknown; rawBody?: string }, Record<string, unknown>]>([
		['a non-JSON body', { rawBody: 'start_time=yesterday' }, { __root__: ['Body must be valid JSON'] }],
		['no body', {}, { __root__: ['Body must be valid JSON'] }],
		['a JSON array', { body: [] }, { __root__: ['Body must be a JSON object'] }],
		['an empty object', { body: {} }, { start_time: missing, end_time: missing, function_name: missing }],
		['no end_time', { body: { start_time: WINDOW.start_time, function_name: 'get_orders' } }, { end_time: missing }],
		['a bare date', { body: { ...WINDOW, start_time: '2025-12-01', function_name: 'get_orders' } }, { start_time: badTime }],
		['no zone', { body: { ...WINDOW, end_time: '2026-01-01T00:00:00', function_name: 'get_orders' } }, { end_time: badTime }],
		['an impossible date', { body: { ...WINDOW, start_time: '2025-02-30T00:00:00Z', function_name: 'get_orders' } }, { start_time: badTime }],
		['words', { body: { start_time: 'yesterday', end_time: 'today', function_name: 'get_orders' } }, { start_time: badTime, end_time: badTime }],
		['a numeric function', { body: { ...WINDOW, function_name: 42 } }, { function_name: ['Input should be a valid string'] }],
		['start equal to end', { body: { start_time: WINDOW.start_time, end_time: '2025-12-01T01:00:00+01:00', function_name: 'get_orders' } }, { end_time: ['end_time must be after start_time'] }],
		['start after end', { body: { start_time: WINDOW.end_time, end_time: WINDOW.start_time, function_name: 'get_orders' } }, { end_time: ['end_time must be after start_time'] }],
	])('answers 422 for %s', async (_label, request, fields) => {
		const res = await call('POST', CREATE, request);
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ error: 'Validation error', origin: 'trackstar', detail: { body: fields } });
		expect(sim.jobs()).toHaveLength(0);
	});

	it.each([
		['get_inventory', SIM_CREDENTIALS.wmsAccessToken, 'On-demand sync is not enabled for shipbob get_inventory'],
		['get_orders', SIM_CREDENTIALS.carrierAccessToken, 'On-demand sync is not enabled for ups get_orders'],
		['get_orders', SIM_CREDENTIALS.cartAccessToken, 'On-demand sync is not enabled for shopify get_orders'],
		['get_invoice_line_items', SIM_CREDENTIALS.wmsAccessToken, 'On-demand sync is not enabled for shipbob get_invoice_line_items'],
	])('answers 400 for %s on the token %s', async (functionName, token, message) => {
		const res = await createJob(functionName, { token });
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error: message, origin: 'trackstar' });
		expect(sim.jobs()).toHaveLength(0);
	});
});

describe('GET and cancel', () => {
	it('answers 404 with the id for unknown jobs and for other connections\' jobs', async () => {
		const { json: job } = await createJob();
		for (const [id, token] of [
			['odsj_0000000000000000', SIM_CREDENTIALS.wmsAccessToken],
			[job.id, SIM_CREDENTIALS.carrierAccessToken],
		]) {
			const expected = { error: 'Sync job not found', origin: 'trackstar', id };
			expect(await getJob(id, { token })).toMatchObject({ status: 404, json: expected });
			expect(await cancelJob(id, { token })).toMatchObject({ status: 404, json: expected });
		}
		expect(sim.job(job.id)?.status).toBe('open');
	});

	it('cancels an open job once, and refuses jobs that are not open', async () => {
		const { json: job } = await createJob();
		const cancelled = await cancelJob(job.id);
		expect(cancelled.status).toBe(200);
		expect(cancelled.json).toEqual({ ...job, status: 'cancelled' });

		now = T0 + 60_000; // long past the default 2 s: cancelled must stick
		expect((await getJob(job.id)).json.status).toBe('cancelled');
		expect(await cancelJob(job.id)).toMatchObject({
			status: 400,
			json: { error: `Only open sync jobs can be cancelled; job ${job.id} is cancelled`, origin: 'trackstar' },
		});

		const { json: late } = await createJob();
		now += 2000;
		expect((await cancelJob(late.id)).json.error).toBe(
			`Only open sync jobs can be cancelled; job ${late.id} is completed`,
		);
	});
});

describe('job lifecycle', () => {
	it('stays open until created + durationMs, then completes (injected clock)', async () => {
		const { json: job } = await createJob();
		now = T0 + 1999;
		expect((await getJob(job.id)).json.status).toBe('open');
		now = T0 + 2000;
		const done = await getJob(job.id);
		expect(done.json).toEqual({ ...job, status: 'completed' });
		expect(Object.keys(done.json).sort()).toEqual(JOB_FIELDS);
	});

	it('plays planned outcomes in order, then the default', async () => {
		sim.planNextJobs(
			{ outcome: 'stuck', durationMs: 500 },
			{ outcome: 'open', durationMs: 0 },
			{ outcome: 'paused_by_vendor', durationMs: 100 },
		);
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) ids.push((await createJob()).json.id);
		const statuses = async () => Promise.all(ids.map(async (id) => (await getJob(id)).json.status));

		expect(await statuses()).toEqual(['open', 'open', 'open', 'open']);
		now = T0 + 500;
		expect(await statuses()).toEqual(['stuck', 'open', 'paused_by_vendor', 'open']);
		now = T0 + 10 * 365 * 24 * 3600 * 1000;
		expect(await statuses()).toEqual(['stuck', 'open', 'paused_by_vendor', 'completed']);
		expect(sim.jobs().map((j) => j.status)).toEqual(['stuck', 'open', 'paused_by_vendor', 'completed']);
	});

	it('lets tests force a status and change the default plan', async () => {
		const { json: job } = await createJob();
		sim.setJobStatus(job.id, 'completed');
		expect((await getJob(job.id)).json.status).toBe('completed');
		expect(() => sim.setJobStatus('odsj_missing', 'completed')).toThrow(/odsj_missing/);

		sim.setDefaultJob({ outcome: 'cancelled', durationMs: 10 });
		const { json: other } = await createJob();
		now += 10;
		expect(sim.job(other.id)?.status).toBe('cancelled');
		expect(sim.job('odsj_missing')).toBeUndefined();
	});

	it('follows the real clock when none is injected', async () => {
		await withSim({ defaultJob: { outcome: 'completed', durationMs: 40 } }, async (real) => {
			const { json: job } = await createJob('get_orders', { target: real });
			expect(job.status).toBe('open');
			await new Promise((resolve) => setTimeout(resolve, 80));
			expect((await getJob(job.id, { target: real })).json.status).toBe('completed');
		});
	});
});

describe('response shape', () => {
	it('wraps the three job endpoints in data when asked, never errors or connections', async () => {
		sim.setShape('wrapped');
		const created = await createJob();
		expect(Object.keys(created.json)).toEqual(['data']);
		const id = created.json.data.id;
		expect(created.json.data).toMatchObject({ status: 'open', connection_id: 'conn_wms_1' });
		expect((await getJob(id)).json).toEqual({ data: created.json.data });
		expect((await cancelJob(id)).json).toEqual({ data: { ...created.json.data, status: 'cancelled' } });
		expect((await getJob('odsj_nope')).json).toEqual({ error: 'Sync job not found', origin: 'trackstar', id: 'odsj_nope' });
		expect((await call('GET', '/connections')).json.total_count).toBe(3);

		sim.setShape('bare');
		expect((await getJob(id)).json).toEqual({ ...created.json.data, status: 'cancelled' });
	});

	it('starts in the shape given as an option and reset() returns to it', async () => {
		await withSim({ shape: 'wrapped' }, async (wrapped) => {
			wrapped.setShape('bare');
			wrapped.reset();
			expect(Object.keys((await createJob('get_orders', { target: wrapped })).json)).toEqual(['data']);
		});
	});
});

describe('rate limits', () => {
	it('allows 10 GETs a second per token, then answers 429 with rate headers', async () => {
		for (let i = 0; i < 10; i++) {
			const res = await call('GET', '/connections');
			expect([i, res.status, res.headers.get('x-ratelimit-remaining')]).toEqual([i, 200, String(9 - i)]);
			expect(res.headers.get('x-ratelimit-limit')).toBe('10');
			expect(res.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((T0 + 1000) / 1000)));
		}
		const limited = await call('GET', '/connections');
		expect(limited.status).toBe(429);
		expect(limited.json).toEqual({ error: 'Too many requests', origin: 'trackstar' });
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((T0 + 1000) / 1000)));
		expect(limited.headers.get('x-request-id')).toMatch(/^req_/);
		expect(sim.stats.rateLimited).toBe(1);
		expect(sim.stats.byStatus[429]).toBe(1);
		expect(sim.requests[10].status).toBe(429);

		// Other tokens, and writes on the same token, have their own windows.
		expect((await call('GET', '/connections', { token: SIM_CREDENTIALS.carrierAccessToken })).status).toBe(200);
		expect((await createJob()).status).toBe(200);

		// The 429 did not count: the window frees exactly one second after the first hit.
		now = T0 + 999;
		expect((await call('GET', '/connections')).status).toBe(429);
		now = T0 + 1000;
		expect((await call('GET', '/connections')).status).toBe(200);
		expect(sim.stats.rateLimited).toBe(2);
	});

	it('takes custom limits and keys requests without a token by API key', async () => {
		let fixed = T0;
		await withSim({ rateLimits: { get: 1, post: 2 }, clock: () => fixed }, async (strict) => {
			const target = { target: strict };
			expect((await createJob('get_orders', target)).status).toBe(200);
			expect((await createJob('get_orders', target)).status).toBe(200);
			expect((await createJob('get_orders', target)).status).toBe(429);
			expect((await call('GET', '/connections', { ...target, token: null })).status).toBe(200);
			expect((await call('GET', '/connections', { ...target, token: null })).status).toBe(429);
			fixed += 1000;
			expect((await call('GET', '/connections', { ...target, token: null })).status).toBe(200);
			expect(strict.jobs()).toHaveLength(2);
		});
	});

	it('counts the rate limit with rateLimitClock when given, jobs still with clock', async () => {
		let limitClock = T0;
		await withSim({ rateLimits: { get: 1, post: 50 }, clock: () => T0, rateLimitClock: () => limitClock }, async (split) => {
			const target = { target: split };
			const created = await createJob('get_orders', target);
			expect(created.json.created_at).toBe('2026-01-10T12:00:00Z');
			expect((await getJob(created.json.id, target)).status).toBe(200);
			expect((await getJob(created.json.id, target)).status).toBe(429);
			// Only the limiter's clock moves: the window frees although job time stands still.
			limitClock += 1000;
			expect((await getJob(created.json.id, target)).status).toBe(200);
			expect(split.stats.rateLimited).toBe(1);
			expect(split.requests.map((r) => r.at)).toEqual([T0, T0, T0, T0]);
		});
	});
});

describe('faults', () => {
	it.each<[FaultKind, number, string]>([
		['status500', 500, 'Internal server error'],
		['status502', 502, 'Bad gateway'],
		['status503', 503, 'Service unavailable'],
		['status504', 504, 'Gateway timeout'],
	])('%s answers %i once, then things recover', async (kind, status, message) => {
		sim.injectFault({ kind });
		const broken = await createJob();
		expect(broken.status).toBe(status);
		expect(broken.json).toEqual({ error: message, origin: 'trackstar' });
		expect(broken.headers.get('x-request-id')).toBe(sim.requests[0].requestId);
		expect(sim.requests[0]).toMatchObject({ status, fault: kind });
		expect(sim.jobs()).toHaveLength(0);
		expect((await createJob()).status).toBe(200);
		expect(sim.requests[1].fault).toBeUndefined();
	});

	it('matches method and path, and consumes times (Infinity until cleared)', async () => {
		sim.injectFault({ kind: 'status503', method: 'POST', pathIncludes: '/cancel', times: 2 });
		const { json: job } = await createJob();
		expect((await getJob(job.id)).status).toBe(200);
		expect((await cancelJob(job.id)).status).toBe(503);
		expect((await cancelJob(job.id)).status).toBe(503);
		expect((await cancelJob(job.id)).status).toBe(200);

		sim.injectFault({ kind: 'status502', method: 'GET', times: Infinity });
		for (let i = 0; i < 5; i++) expect((await getJob(job.id)).status).toBe(502);
		sim.clearFaults();
		expect((await getJob(job.id)).status).toBe(200);
		expect(() => sim.injectFault({ kind: 'status503', times: 0 })).toThrow();
		expect(() => sim.injectFault({ kind: 'teapot' as FaultKind })).toThrow(/teapot/);
	});

	it('answers a fault before checking auth', async () => {
		sim.injectFault({ kind: 'status503' });
		expect((await call('GET', '/connections', { key: null })).status).toBe(503);
	});

	it('reset drops the connection without creating the job', async () => {
		sim.injectFault({ kind: 'reset', method: 'POST' });
		await expect(createJob()).rejects.toThrow('fetch failed');
		expect(sim.jobs()).toHaveLength(0);
		expect(sim.requests[0]).toMatchObject({ status: 0, fault: 'reset', method: 'POST' });
		expect(sim.requests[0].requestId).toMatch(/^req_/);
		expect(sim.stats.byStatus[0]).toBe(1);
		expect((await createJob()).status).toBe(200);
	});

	it('reset with afterHandling creates the job, then drops the connection', async () => {
		sim.injectFault({ kind: 'reset', afterHandling: true });
		await expect(createJob()).rejects.toThrow('fetch failed');
		expect(sim.jobs()).toHaveLength(1);
		expect(sim.jobs()[0].status).toBe('open');
	});

	it('slow delays the normal reply', async () => {
		sim.injectFault({ kind: 'slow', delayMs: 150, method: 'GET' });
		const started = performance.now();
		const res = await call('GET', '/connections');
		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
		expect(res.status).toBe(200);
		expect(res.json.total_count).toBe(3);
		expect(sim.requests[0]).toMatchObject({ status: 200, fault: 'slow' });
	});

	it('slow creates the job before the delay by default, after it with afterHandling false', async () => {
		sim.injectFault({ kind: 'slow', delayMs: 300 });
		await expect(createJob('get_orders', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
		expect(sim.jobs()).toHaveLength(1); // the client gave up, but the job exists

		sim.injectFault({ kind: 'slow', delayMs: 300, afterHandling: false });
		await expect(createJob('get_orders', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
		expect(sim.jobs()).toHaveLength(1);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(sim.jobs()).toHaveLength(2);
	});

	it('malformedJson answers 200 with a truncated JSON body after really creating the job', async () => {
		sim.injectFault({ kind: 'malformedJson' });
		const res = await createJob();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(res.json).toBeUndefined();
		expect(res.text.startsWith('{"id":"odsj_')).toBe(true);
		expect(() => JSON.parse(res.text)).toThrow();
		expect(sim.jobs()).toHaveLength(1);

		sim.injectFault({ kind: 'malformedJson', afterHandling: false });
		expect((await createJob()).text).toBe('{"id": "odsj_');
		expect(sim.jobs()).toHaveLength(1);
	});

	it('html answers a 502 gateway page', async () => {
		sim.injectFault({ kind: 'html' });
		const res = await call('GET', '/connections');
		expect(res.status).toBe(502);
		expect(res.headers.get('content-type')).toBe('text/html');
		expect(res.text).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>');
		expect(res.headers.get('x-request-id')).toMatch(/^req_/);
	});

	it('rateLimit answers 429 with the requested retry-after', async () => {
		sim.injectFault({ kind: 'rateLimit', retryAfterSeconds: 7 });
		const res = await createJob();
		expect(res.status).toBe(429);
		expect(res.json).toEqual({ error: 'Too many requests', origin: 'trackstar' });
		expect(res.headers.get('retry-after')).toBe('7');
		expect(res.headers.get('x-ratelimit-limit')).toBe('50');
		expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(res.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil(T0 / 1000) + 7));
		expect(sim.stats.rateLimited).toBe(1);
		expect(sim.jobs()).toHaveLength(0);

		sim.injectFault({ kind: 'rateLimit' });
		expect((await call('GET', '/connections')).headers.get('retry-after')).toBe('1');
	});
});

describe('reset()', () => {
	it('forgets jobs, faults, plans, log, stats, rate windows and shape', async () => {
		sim.setShape('wrapped');
		sim.planNextJobs({ outcome: 'stuck', durationMs: 0 });
		await createJob();
		sim.injectFault({ kind: 'status500', times: Infinity, pathIncludes: '/nowhere' });
		sim.setDefaultJob({ outcome: 'open', durationMs: 0 });
		for (let i = 0; i < 11; i++) await call('GET', '/connections');
		expect(sim.stats.rateLimited).toBe(1);

		const log = sim.requests;
		sim.reset();
		expect(sim.jobs()).toEqual([]);
		expect(sim.requests).toEqual([]);
		expect(log).toHaveLength(0); // cleared in place
		expect(sim.stats).toEqual({ rateLimited: 0, byStatus: {} });

		const { json: job } = await createJob();
		expect(job.status).toBe('open'); // bare shape again
		now = T0 + 2000;
		expect(sim.job(job.id)?.status).toBe('completed'); // neither the plan nor the default survived
		expect((await call('GET', '/nowhere')).status).toBe(404);
		for (let i = 0; i < 9; i++) expect((await call('GET', '/connections')).status).toBe(200);
	});

	it('clearLog empties only the log', async () => {
		await createJob();
		sim.clearLog();
		expect(sim.requests).toHaveLength(0);
		expect(sim.jobs()).toHaveLength(1);
	});
});
