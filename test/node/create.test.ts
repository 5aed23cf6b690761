import { createParameters, NODE, runTrackstar, SIM_CREDENTIALS, syncRequests, useSimulator } from './support';

const ctx = useSimulator();

describe('Create', () => {
	it('creates a job and outputs it, paired to its item', async () => {
		const result = await runTrackstar(ctx.sim, { parameters: createParameters(), timezone: 'America/New_York' });
		expect(result.status).toBe('success');
		const [item] = result.items(NODE);
		expect(item.json).toMatchObject({
			function_name: 'get_orders',
			status: 'open',
			requested_start_time: '2026-11-01T04:00:00Z',
			// 2026-11-01 is the day New York leaves daylight saving time: a 25-hour day.
			requested_end_time: '2026-11-02T05:00:00Z',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		const [request] = syncRequests(ctx.sim, 'POST');
		expect(request.body).toEqual({
			start_time: '2026-11-01T04:00:00Z',
			end_time: '2026-11-02T05:00:00Z',
			function_name: 'get_orders',
		});
		expect(request.headers['x-trackstar-api-key']).toBe(SIM_CREDENTIALS.apiKey);
		expect(request.headers['x-trackstar-access-token']).toBe(SIM_CREDENTIALS.wmsAccessToken);
	});

	it.each(['bare', 'wrapped'] as const)('outputs the job itself when Trackstar answers %s', async (shape) => {
		ctx.sim.setShape(shape);
		const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
		const [json] = result.json(NODE);
		expect(json.data).toBeUndefined();
		expect(json.id).toMatch(/^odsj_/);
		expect(ctx.sim.job(String(json.id))?.status).toBe('open');
	});

	it('keeps an explicit offset and converts to UTC', async () => {
		await runTrackstar(ctx.sim, {
			parameters: createParameters({ startTime: '2026-11-01T00:00:00+02:00', endTime: '2026-11-01T12:00:00Z' }),
		});
		expect(syncRequests(ctx.sim, 'POST')[0].body).toMatchObject({
			start_time: '2026-10-31T22:00:00Z',
			end_time: '2026-11-01T12:00:00Z',
		});
	});

	it('reads zone-less times in the workflow timezone', async () => {
		await runTrackstar(ctx.sim, { parameters: createParameters(), timezone: 'Asia/Kolkata' });
		expect(syncRequests(ctx.sim, 'POST')[0].body).toMatchObject({ start_time: '2026-10-31T18:30:00Z' });
	});

	it('accepts expressions that give a luxon DateTime, a Date or epoch milliseconds', async () => {
		await runTrackstar(ctx.sim, {
			parameters: createParameters({
				startTime: '={{ DateTime.fromISO("2026-11-01T00:00:00", { zone: "Europe/Berlin" }) }}',
				endTime: '={{ $json.endMs }}',
			}),
			items: [{ endMs: Date.parse('2026-11-03T00:00:00Z') }],
		});
		expect(syncRequests(ctx.sim, 'POST')[0].body).toMatchObject({
			start_time: '2026-10-31T23:00:00Z',
			end_time: '2026-11-03T00:00:00Z',
		});
	});

	it('syncs the previous full day in the workflow timezone', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: { operation: 'create', integrationType: 'wms', functionName: 'get_returns', timeWindow: 'previousPeriod', previousUnit: 'day' },
			timezone: 'Europe/Berlin',
		});
		expect(result.status).toBe('success');
		const body = syncRequests(ctx.sim, 'POST')[0].body as { start_time: string; end_time: string };
		const hours = (Date.parse(body.end_time) - Date.parse(body.start_time)) / 3_600_000;
		expect([23, 24, 25]).toContain(hours);
		// Midnight in Berlin is 22:00 or 23:00 UTC.
		expect(body.start_time).toMatch(/T2[23]:00:00Z$/);
		expect(body.end_time).toMatch(/T2[23]:00:00Z$/);
	});

	it('syncs the last N hours up to now', async () => {
		const before = Date.now();
		await runTrackstar(ctx.sim, {
			parameters: { operation: 'create', integrationType: 'wms', functionName: 'get_bills', timeWindow: 'lastPeriod', lastAmount: 6, lastUnit: 'hours' },
		});
		const body = syncRequests(ctx.sim, 'POST')[0].body as { start_time: string; end_time: string };
		expect(Date.parse(body.end_time) - Date.parse(body.start_time)).toBe(6 * 3_600_000);
		expect(Date.parse(body.end_time)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
	});

	it('creates carrier jobs with the carrier function list', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ integrationType: 'carrier', functionName: 'get_invoice_line_items' }),
			credentials: { accessToken: SIM_CREDENTIALS.carrierAccessToken },
		});
		expect(result.json(NODE)[0]).toMatchObject({ function_name: 'get_invoice_line_items', status: 'open' });
	});

	it('lets an expression name a function the list does not know', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ functionName: '={{ "get_" + "orders" }}' }),
		});
		expect(result.status).toBe('success');
		expect(syncRequests(ctx.sim, 'POST')[0].body).toMatchObject({ function_name: 'get_orders' });
	});

	it('creates one job per item, in item order', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ functionName: '={{ $json.fn }}' }),
			items: [{ fn: 'get_orders' }, { fn: 'get_returns' }, { fn: 'get_products' }],
		});
		expect(result.json(NODE).map((job) => job.function_name)).toEqual(['get_orders', 'get_returns', 'get_products']);
		expect(result.items(NODE).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
