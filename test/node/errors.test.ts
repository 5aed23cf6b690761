import type { Fault } from '../simulator';
import { createParameters, NODE, runTrackstar, SIM_CREDENTIALS, syncRequests, useSimulator } from './support';

const ctx = useSimulator();

describe('Trackstar errors reach the user with Trackstar\'s own message and a hint', () => {
	it('400: a function not enabled for the integration', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ functionName: 'get_orders' }),
			credentials: { accessToken: SIM_CREDENTIALS.carrierAccessToken },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('On-demand sync is not enabled for ups get_orders');
		expect(result.error?.description).toContain('Ask Trackstar support to enable get_orders for ups');
		expect(result.error?.httpCode).toBe('400');
	});

	it('401: a wrong API key', async () => {
		const result = await runTrackstar(ctx.sim, { parameters: createParameters(), credentials: { apiKey: 'wrong-key' } });
		expect(result.error?.message).toBe('Invalid or missing API key');
		expect(result.error?.description).toContain('Check the API key and the access token');
		expect(result.error?.httpCode).toBe('401');
	});

	it('401: a wrong access token', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: { operation: 'get', syncJobId: 'odsj_1' },
			credentials: { accessToken: 'wrong-token' },
		});
		expect(result.error?.message).toBe('Invalid or missing access token');
		expect(result.error?.description).toContain('Check the API key and the access token');
	});

	it('403: a read-only key cannot create', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters(),
			credentials: { apiKey: SIM_CREDENTIALS.readOnlyApiKey },
		});
		expect(result.error?.message).toBe('This API key is read-only and cannot perform this action');
		expect(result.error?.description).toContain('read-only');
		expect(result.error?.httpCode).toBe('403');
	});

	it.each<[number, Fault['body'], string, string]>([
		[409, { error: 'A request with this Idempotency-Key is still in progress', origin: 'trackstar' }, 'A request with this Idempotency-Key is still in progress', 'still running'],
		[
			422,
			{ error: 'Validation error', origin: 'trackstar', detail: { body: { start_time: ['Field required'], end_time: ['Input should be a valid ISO 8601 datetime'] } } },
			'Validation error',
			'start_time: Field required; end_time: Input should be a valid ISO 8601 datetime',
		],
		[501, { error: 'Not implemented for this integration', origin: 'integration' }, 'Not implemented for this integration', 'does not implement'],
		[500, { error: 'Internal server error', origin: 'trackstar' }, 'Internal server error', 'had trouble'],
	])('%i: message and hint', async (status, body, message, hint) => {
		ctx.sim.injectFault({ kind: 'reply', status, body, method: 'POST' });
		const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toContain(hint);
		expect(result.error?.httpCode).toBe(String(status));
	});

	it('429 that never clears: the GET gives up after its retries and says so', async () => {
		ctx.sim.injectFault({ kind: 'rateLimit', times: Infinity, method: 'GET', retryAfterSeconds: 1 });
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: 'odsj_1' } });
		expect(result.error?.message).toBe('Too many requests');
		expect(result.error?.description).toContain('rate limit was still exceeded after 5 attempt(s)');
		expect(syncRequests(ctx.sim, 'GET')).toHaveLength(5);
	});

	it('an HTML error page is reported as such', async () => {
		ctx.sim.injectFault({ kind: 'html', times: Infinity, method: 'POST' });
		const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
		expect(result.error?.message).toBe('Trackstar answered HTTP 502 with an HTML page instead of JSON');
	});

	it('the error says which request failed, for Trackstar support', async () => {
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: 'odsj_missing' } });
		const [request] = syncRequests(ctx.sim, 'GET');
		expect(result.error?.description).toContain(`request ID ${request.requestId}`);
		expect(result.error?.description).toContain('GET /connections/on-demand-syncs/odsj_missing');
	});
});

describe('Continue On Fail', () => {
	it('turns a failed item into an error item and runs the others', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ functionName: '={{ $json.fn }}' }),
			items: [{ fn: 'get_orders' }, { fn: 'get_invoice_line_items' }, { fn: 'get_returns' }],
			onError: 'continueRegularOutput',
		});
		expect(result.status).toBe('success');
		const items = result.items(NODE);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.status).toBe('open');
		expect(items[1].json.error).toBe('On-demand sync is not enabled for shipbob get_invoice_line_items');
		expect(items[2].json.function_name).toBe('get_returns');
	});

	it('without it, the first failure stops the node and later items send nothing', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ functionName: '={{ $json.fn }}' }),
			items: [{ fn: 'get_invoice_line_items' }, { fn: 'get_orders' }],
		});
		expect(result.status).toBe('error');
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(1);
	});

	it('sends error items to the error output with "continueErrorOutput"', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ functionName: '={{ $json.fn }}' }),
			items: [{ fn: 'get_orders' }, { fn: 'get_invoice_line_items' }],
			onError: 'continueErrorOutput',
		});
		const [success, errors] = result.outputs(NODE);
		expect(success).toHaveLength(1);
		expect(errors).toHaveLength(1);
		expect(errors[0].error).toContain('not enabled');
	});
});

describe('Secrets', () => {
	it('never appear in outputs, errors or the stored run', async () => {
		const secrets = [SIM_CREDENTIALS.apiKey, SIM_CREDENTIALS.wmsAccessToken];
		ctx.sim.injectFault({ kind: 'reset', method: 'POST' });
		const runs = [
			await runTrackstar(ctx.sim, { parameters: createParameters(), onError: 'continueRegularOutput' }),
			await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: 'odsj_nope' } }),
			await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: 'odsj_nope' }, credentials: { apiKey: 'wrong' } }),
			await runTrackstar(ctx.sim, { parameters: createParameters({ functionName: 'get_inventory' }) }),
		];
		for (const result of runs) {
			const stored = JSON.stringify(result.run) + JSON.stringify(result.error ?? {});
			for (const secret of secrets) expect(stored).not.toContain(secret);
		}
		expect(runs.map((r) => r.status)).toEqual(['success', 'error', 'error', 'error']);
	});
});
