import { createParameters, NODE, runTrackstar, syncRequests, useSimulator } from './support';

const ctx = useSimulator();

async function createJob(durationMs = 60_000) {
	ctx.sim.planNextJobs({ outcome: 'completed', durationMs });
	const result = await runTrackstar(ctx.sim, { parameters: createParameters() });
	const id = String(result.json(NODE)[0].id);
	ctx.sim.clearLog();
	return id;
}

describe('Get', () => {
	it.each(['bare', 'wrapped'] as const)('returns the job (%s reply)', async (shape) => {
		const id = await createJob();
		ctx.sim.setShape(shape);
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: `  ${id} ` } });
		expect(result.json(NODE)).toEqual([ctx.sim.job(id)]);
		expect(syncRequests(ctx.sim, 'GET').map((r) => r.path)).toEqual([`/connections/on-demand-syncs/${id}`]);
	});

	it('reads the ID from the incoming item', async () => {
		const id = await createJob();
		ctx.sim.setJobStatus(id, 'completed');
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: '={{ $json.id }}' }, items: [{ id }] });
		expect(result.json(NODE)[0]).toMatchObject({ id, status: 'completed' });
	});

	it('fails with Trackstar\'s message and a hint for an unknown job', async () => {
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'get', syncJobId: 'odsj_doesnotexist' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Sync job not found');
		expect(result.error?.description).toContain('No sync job with ID "odsj_doesnotexist"');
		expect(result.error?.description).toMatch(/request ID req_/);
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('Cancel', () => {
	it.each(['bare', 'wrapped'] as const)('cancels an open job and returns it (%s reply)', async (shape) => {
		const id = await createJob();
		ctx.sim.setShape(shape);
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'cancel', syncJobId: id } });
		expect(result.json(NODE)[0]).toMatchObject({ id, status: 'cancelled' });
		expect(ctx.sim.job(id)?.status).toBe('cancelled');
		expect(syncRequests(ctx.sim, 'POST').map((r) => r.path)).toEqual([`/connections/on-demand-syncs/${id}/cancel`]);
	});

	it('fails with Trackstar\'s message when the job is no longer open', async () => {
		const id = await createJob();
		ctx.sim.setJobStatus(id, 'completed');
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'cancel', syncJobId: id } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Only open sync jobs can be cancelled; job ${id} is completed`);
		expect(result.error?.httpCode).toBe('400');
	});

	it('returns the job as it is when "Return Job If Not Open" is on', async () => {
		const id = await createJob();
		ctx.sim.setJobStatus(id, 'completed');
		const result = await runTrackstar(ctx.sim, {
			parameters: { operation: 'cancel', syncJobId: id, options: { returnJobIfNotOpen: true } },
		});
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ id, status: 'completed' });
	});

	it('treats a retried cancel that finds the job cancelled as done', async () => {
		const id = await createJob();
		// The first cancel is carried out but its reply is lost: the retry then meets a
		// cancelled job, which is exactly what was asked for.
		ctx.sim.injectFault({ kind: 'reset', method: 'POST', pathIncludes: '/cancel', afterHandling: true });
		const result = await runTrackstar(ctx.sim, { parameters: { operation: 'cancel', syncJobId: id } });
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ id, status: 'cancelled' });
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(2);
	});
});
