import { createParameters, NODE, runTrackstar, syncRequests, useSimulator } from './support';

const ctx = useSimulator();

describe('Wait Until Complete when Trackstar keeps failing', () => {
	it('ends the wait after four failed checks in a row, each retried, with Trackstar\'s message', async () => {
		ctx.sim.planNextJobs({ outcome: 'open', durationMs: 0 });
		const created = await runTrackstar(ctx.sim, { parameters: createParameters() });
		const id = String(created.json(NODE)[0].id);
		ctx.sim.clearLog();
		ctx.sim.injectFault({ kind: 'status503', method: 'GET', times: Infinity });

		const result = await runTrackstar(ctx.sim, {
			parameters: { operation: 'waitUntilComplete', syncJobId: id, timeout: 300 },
			options: { timeoutMs: 120_000 },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Service unavailable');
		expect(result.error?.description).toContain('after 5 attempt(s)');
		// Four checks, each sent five times by the transport, then the wait gives up;
		// the job is left alone (it was never seen to time out).
		expect(syncRequests(ctx.sim, 'GET')).toHaveLength(20);
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(0);
	}, 150_000);
});
