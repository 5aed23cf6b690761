import { createParameters, NODE, runTrackstar, syncRequests, useSimulator } from './support';

const ctx = useSimulator();

async function openJob(): Promise<string> {
	ctx.sim.planNextJobs({ outcome: 'open', durationMs: 0 });
	const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
	ctx.sim.clearLog();
	return String(result.json(NODE)[0].id);
}

describe('Retries', () => {
	it.each([
		['503', { kind: 'status503' as const, times: 2 }],
		['502', { kind: 'status502' as const, times: 1 }],
		['504', { kind: 'status504' as const, times: 1 }],
		['a connection reset', { kind: 'reset' as const, times: 2 }],
		['a malformed reply', { kind: 'malformedJson' as const, times: 1 }],
		['a 429 with retry-after', { kind: 'rateLimit' as const, times: 1, retryAfterSeconds: 1 }],
	])('a GET recovers from %s', async (_label, fault) => {
		const id = await openJob();
		ctx.sim.injectFault({ ...fault, method: 'GET' });
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: id } });
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0].id).toBe(id);
		expect(syncRequests(ctx.sim, 'GET')).toHaveLength(fault.times + 1);
	});

	it('waits at least retry-after before trying again', async () => {
		const id = await openJob();
		ctx.sim.injectFault({ kind: 'rateLimit', method: 'GET', retryAfterSeconds: 1 });
		await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: id } });
		const [first, second] = syncRequests(ctx.sim, 'GET');
		expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
	});

	it('a cancel recovers from a 503', async () => {
		const id = await openJob();
		ctx.sim.injectFault({ kind: 'status503', method: 'POST' });
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'cancel', syncJobId: id } });
		expect(result.json(NODE)[0]).toMatchObject({ id, status: 'cancelled' });
	});

	it('a create is retried after a 429 and opens exactly one job', async () => {
		ctx.sim.injectFault({ kind: 'rateLimit', method: 'POST', retryAfterSeconds: 1 });
		const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
		expect(result.status).toBe('success');
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(2);
		expect(ctx.sim.jobs()).toHaveLength(1);
	});

	it('a create is NOT retried after a connection reset (it may have opened a job)', async () => {
		ctx.sim.injectFault({ kind: 'reset', method: 'POST', afterHandling: true });
		const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Could not reach Trackstar: the connection was closed before a reply arrived');
		expect(result.error?.description).toContain('unknown whether the job was created');
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(1);
		expect(ctx.sim.jobs()).toHaveLength(1);
	});

	it.each([
		['a 503', { kind: 'status503' as const }],
		['a malformed reply', { kind: 'malformedJson' as const }],
	])('a create is NOT retried after %s', async (_label, fault) => {
		ctx.sim.injectFault({ ...fault, method: 'POST' });
		const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
		expect(result.status).toBe('error');
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(1);
	});

	it('a slow reply still succeeds', async () => {
		ctx.sim.injectFault({ kind: 'slow', method: 'POST', delayMs: 1500 });
		const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
		expect(result.status).toBe('success');
		expect(ctx.sim.jobs()).toHaveLength(1);
	});
});

describe('Rate limiter', () => {
	it('keeps 40 GETs under 10 a second: no 429', async () => {
		const id = await openJob();
		const result = await runTrackstar(ctx.sim, {
			parameters: { operation: 'get', syncJobId: id },
			items: Array.from({ length: 40 }, () => ({})),
		});
		expect(result.json(NODE)).toHaveLength(40);
		expect(ctx.sim.stats.rateLimited).toBe(0);
		const times = syncRequests(ctx.sim, 'GET').map((r) => r.at);
		for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(10);
	});

	it('keeps 120 creates under 50 a second: no 429', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters(),
			items: Array.from({ length: 120 }, () => ({})),
		});
		expect(result.json(NODE)).toHaveLength(120);
		expect(ctx.sim.stats.rateLimited).toBe(0);
		expect(ctx.sim.jobs()).toHaveLength(120);
	});
});
