import type { IDataObject } from 'n8n-workflow';

import type { JobPlan } from '../simulator';
import { createParameters, NODE, runTrackstar, syncRequests, useSimulator } from './support';

const ctx = useSimulator();

/** Creates jobs with these plans through the node and returns their IDs. */
async function createJobs(...plans: JobPlan[]): Promise<string[]> {
	ctx.sim.planNextJobs(...plans);
	const result = await runTrackstar(ctx.sim, { parameters: createParameters(), items: plans.map(() => ({})) });
	expect(result.status).toBe('success');
	ctx.sim.clearLog();
	return result.json(NODE).map((job) => String(job.id));
}

function waitParameters(options: IDataObject = {}, timeout = 30): IDataObject {
	return { operation: 'waitUntilComplete', syncJobId: '={{ $json.id }}', timeout, options };
}

describe('Wait Until Complete', () => {
	it('ends with the completed job, a summary and how long it waited', async () => {
		const [id] = await createJobs({ outcome: 'completed', durationMs: 2500 });
		const result = await runTrackstar(ctx.sim, { parameters: waitParameters(), items: [{ id }] });
		expect(result.status).toBe('success');
		const [json] = result.json(NODE);
		expect(json).toMatchObject({ id, status: 'completed', outcome: 'completed', function_name: 'get_orders' });
		expect(json.summary).toMatch(/^Trackstar get_orders for .+ completed \(waited \d+s\)\. Job odsj_/);
		expect(json.waitedSeconds).toBeGreaterThanOrEqual(2);
		expect(json.pollCount).toBeGreaterThanOrEqual(2);
		expect(result.outputs(NODE)).toHaveLength(1);
	});

	it('polls soon, then less often', async () => {
		const [id] = await createJobs({ outcome: 'completed', durationMs: 9000 });
		await runTrackstar(ctx.sim, { parameters: waitParameters(), items: [{ id }] });
		const times = syncRequests(ctx.sim, 'GET').map((request) => request.at);
		expect(times.length).toBeGreaterThanOrEqual(3);
		expect(times.length).toBeLessThanOrEqual(7);
		// Trackstar saw the end within one 2-second interval of it happening.
		const created = Date.parse(String(ctx.sim.job(id)?.created_at));
		expect(times[times.length - 1] - (created + 9000)).toBeLessThanOrEqual(2500);
	});

	it.each(['stuck', 'cancelled', 'failed'])('fails by default when the job ends as %s', async (status) => {
		const [id] = await createJobs({ outcome: status, durationMs: 1000 });
		const result = await runTrackstar(ctx.sim, { parameters: waitParameters(), items: [{ id }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(new RegExp(`^Sync job ${id} \\(get_orders\\) ended as ${status} after \\d+s of waiting$`));
		expect(result.error?.description).toContain('Route by Outcome');
	});

	it.each(['stuck', 'cancelled', 'failed'])('routes a %s job to "Not Completed" when routing is on', async (status) => {
		const [done, notDone] = await createJobs({ outcome: 'completed', durationMs: 1000 }, { outcome: status, durationMs: 1000 });
		const result = await runTrackstar(ctx.sim, {
			parameters: waitParameters({ routeByOutcome: true }),
			items: [{ id: done }, { id: notDone }],
		});
		expect(result.status).toBe('success');
		const [completed, notCompleted] = result.outputs(NODE);
		expect(completed.map((job) => job.id)).toEqual([done]);
		expect(notCompleted).toHaveLength(1);
		expect(notCompleted[0]).toMatchObject({ id: notDone, status, outcome: status });
		expect(notCompleted[0].summary).toContain(`ended as ${status}`);
		expect(result.items(NODE, 1)[0].pairedItem).toEqual({ item: 1 });
	});

	it('times out, cancels the job and says so', async () => {
		const [id] = await createJobs({ outcome: 'open', durationMs: 0 });
		const result = await runTrackstar(ctx.sim, { parameters: waitParameters({}, 3), items: [{ id }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Sync job ${id} (get_orders) was still open after the 3s timeout`);
		expect(result.error?.description).toContain('cancelled');
		expect(ctx.sim.job(id)?.status).toBe('cancelled');
	});

	it('times out without cancelling when Cancel Job on Timeout is off, routed as timed_out', async () => {
		const [id] = await createJobs({ outcome: 'open', durationMs: 0 });
		const result = await runTrackstar(ctx.sim, {
			parameters: waitParameters({ cancelOnTimeout: false, routeByOutcome: true }, 2),
			items: [{ id }],
		});
		expect(result.json(NODE, 1)[0]).toMatchObject({ id, outcome: 'timed_out', status: 'open' });
		expect(result.json(NODE, 1)[0].summary).toContain('left open');
		expect(ctx.sim.job(id)?.status).toBe('open');
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(0);
	});

	it('stopping the execution ends polling within a second and cancels the job', async () => {
		const [id] = await createJobs({ outcome: 'open', durationMs: 0 });
		let stoppedAt = 0;
		const result = await runTrackstar(ctx.sim, {
			parameters: waitParameters({}, 120),
			items: [{ id }],
			options: {
				onStarted: (control) => {
					setTimeout(() => {
						stoppedAt = Date.now();
						control.stop();
					}, 2500);
				},
			},
		});
		expect(result.status).toBe('canceled');
		expect(ctx.sim.job(id)?.status).toBe('cancelled');
		const gets = syncRequests(ctx.sim, 'GET');
		const cancel = syncRequests(ctx.sim, 'POST')[0];
		expect(cancel.path).toBe(`/connections/on-demand-syncs/${id}/cancel`);
		expect(cancel.at - stoppedAt).toBeLessThan(1000);
		// Nothing polled after the stop, and nothing after a while either.
		expect(gets.every((request) => request.at <= stoppedAt + 50)).toBe(true);
		const count = ctx.sim.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(ctx.sim.requests.length).toBe(count);
	});

	it('leaves the job open on stop when Cancel Job When Execution Is Stopped is off', async () => {
		const [id] = await createJobs({ outcome: 'open', durationMs: 0 });
		const result = await runTrackstar(ctx.sim, {
			parameters: waitParameters({ cancelOnStop: false }, 120),
			items: [{ id }],
			options: { stopAfterMs: 1500 },
		});
		expect(result.status).toBe('canceled');
		expect(ctx.sim.job(id)?.status).toBe('open');
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(0);
	});

	it('keeps waiting through 503s and 429s and never creates a second job', async () => {
		ctx.sim.planNextJobs({ outcome: 'completed', durationMs: 6000 });
		ctx.sim.injectFault({ kind: 'status503', method: 'GET', times: 3 });
		ctx.sim.injectFault({ kind: 'rateLimit', method: 'GET', times: 2, retryAfterSeconds: 1 });
		ctx.sim.injectFault({ kind: 'reset', method: 'GET', times: 1 });
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ waitForCompletion: true, timeout: 60 }),
		});
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ status: 'completed', outcome: 'completed' });
		expect(ctx.sim.jobs()).toHaveLength(1);
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(1);
	});

	it('fails the wait with Trackstar\'s message when the job does not exist', async () => {
		const result = await runTrackstar(ctx.sim, { parameters: waitParameters(), items: [{ id: 'odsj_unknown' }] });
		expect(result.error?.message).toBe('Sync job not found');
	});

	it('with Continue On Fail, a not-completed job becomes an error item that still carries the job', async () => {
		const [id] = await createJobs({ outcome: 'stuck', durationMs: 500 });
		const result = await runTrackstar(ctx.sim, {
			parameters: waitParameters(),
			items: [{ id }],
			onError: 'continueRegularOutput',
		});
		const [json] = result.json(NODE);
		expect(json.error).toContain('ended as stuck');
		expect(json.message).toMatch(/^Trackstar get_orders for .+ ended as stuck after \d+s\. Job odsj_/);
		expect(json.details).toMatchObject({ outcome: 'stuck', job: { id, status: 'stuck' } });
		expect(result.items(NODE)[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Create with Wait for Completion', () => {
	it('creates one job and waits for it in the same node', async () => {
		ctx.sim.planNextJobs({ outcome: 'completed', durationMs: 2000 });
		const result = await runTrackstar(ctx.sim, {
			parameters: createParameters({ waitForCompletion: true, timeout: 30, options: { routeByOutcome: true } }),
		});
		expect(result.outputs(NODE)).toHaveLength(2);
		expect(result.json(NODE, 0)[0]).toMatchObject({ status: 'completed', outcome: 'completed' });
		expect(syncRequests(ctx.sim, 'POST')).toHaveLength(1);
	});
});

describe('Many jobs at once', () => {
	it('waits for 200 jobs side by side without a single 429', async () => {
		const plans: JobPlan[] = Array.from({ length: 200 }, (_, i) => ({
			outcome: i % 10 === 0 ? 'stuck' : 'completed',
			durationMs: 1000 + (i % 7) * 700,
		}));
		const ids = await createJobs(...plans);
		const result = await runTrackstar(ctx.sim, {
			parameters: waitParameters({ routeByOutcome: true }, 120),
			items: ids.map((id) => ({ id })),
			options: { timeoutMs: 150_000 },
		});
		expect(result.status).toBe('success');
		const [completed, notCompleted] = result.outputs(NODE);
		expect(completed).toHaveLength(180);
		expect(notCompleted).toHaveLength(20);
		expect(ctx.sim.stats.rateLimited).toBe(0);
		const times = syncRequests(ctx.sim, 'GET').map((request) => request.at);
		for (let i = 10; i < times.length; i++) expect(times[i] - times[i - 10]).toBeGreaterThanOrEqual(1000);
	}, 180_000);
});
