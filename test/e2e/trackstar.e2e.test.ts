// The package inside real n8n (2.41.1 and 1.123.81): every operation, waiting with and
// without routing, bad input with Continue On Fail, a wrong key, simulator faults and a
// stopped execution, loaded from N8N_CUSTOM_EXTENSIONS; then the packed tarball installed
// as n8n installs community packages, running the example workflows.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { SIM_CREDENTIALS, TrackstarSimulator } from '../simulator';
import { linearWorkflow, packRepoPackage, type NodeSpec } from './lib/fixtures';
import { createN8nInstance, nodeItems, nodeRuns, type N8nHost, type N8nInstance, type Workflow } from './lib/n8n';
import { repoRoot } from './lib/paths';

const CUSTOM_TYPE = 'CUSTOM.trackstarOnDemandSync';
const PACKAGE_TYPE = 'n8n-nodes-trackstar.trackstarOnDemandSync';
const CREDENTIAL = { id: 'trackstarSimCred', name: 'Trackstar simulator' };
const WRONG_KEY_CREDENTIAL = { id: 'trackstarBadKey1', name: 'Trackstar wrong key' };
const PAST = { startTime: '2026-11-01T00:00:00Z', endTime: '2026-11-02T00:00:00Z' };

function trackstar(type: string, parameters: Record<string, unknown>, extra: Partial<NodeSpec> = {}): NodeSpec {
	return { name: 'Trackstar', type, typeVersion: 1, parameters, credentials: { trackstarApi: CREDENTIAL }, ...extra };
}

const createParameters = (extra: Record<string, unknown> = {}) => ({
	operation: 'create',
	integrationType: 'wms',
	functionName: 'get_orders',
	timeWindow: 'custom',
	...PAST,
	...extra,
});

/** Items from a Set node's JSON, split into one item per entry. */
function itemsThen(id: string, entries: unknown[], node: NodeSpec): Workflow {
	return linearWorkflow(id, [
		{ name: 'Data', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify({ list: entries }), options: {} } },
		{ name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'list', options: {} } },
		node,
	]);
}

function simCredentials(sim: TrackstarSimulator) {
	return [
		{ ...CREDENTIAL, type: 'trackstarApi', data: { apiKey: SIM_CREDENTIALS.apiKey, accessToken: SIM_CREDENTIALS.wmsAccessToken, baseUrl: sim.url } },
		{ ...WRONG_KEY_CREDENTIAL, type: 'trackstarApi', data: { apiKey: 'not-the-key', accessToken: SIM_CREDENTIALS.wmsAccessToken, baseUrl: sim.url } },
	];
}

const secrets = [SIM_CREDENTIALS.apiKey, SIM_CREDENTIALS.wmsAccessToken];

describe.each<N8nHost>(['n8n-2', 'n8n-1'])('Trackstar On-Demand Sync in real n8n %s', (host) => {
	let sim: TrackstarSimulator;
	let n8n: N8nInstance;

	beforeAll(async () => {
		sim = await TrackstarSimulator.start();
		n8n = await createN8nInstance({ host, customExtensions: join(repoRoot, 'dist') });
		await n8n.importCredentials(simCredentials(sim));
		const wrongKey = trackstar(CUSTOM_TYPE, { operation: 'get', syncJobId: 'odsj_1' });
		wrongKey.credentials = { trackstarApi: WRONG_KEY_CREDENTIAL };
		await n8n.importWorkflow([
			linearWorkflow('tsCreate0000001', [trackstar(CUSTOM_TYPE, createParameters())]),
			linearWorkflow('tsWaitRoute0001', [
				trackstar(CUSTOM_TYPE, createParameters({ waitForCompletion: true, timeout: 60, options: { routeByOutcome: true } })),
			]),
			linearWorkflow('tsWaitPlain0001', [trackstar(CUSTOM_TYPE, createParameters({ waitForCompletion: true, timeout: 60 }))]),
			itemsThen(
				'tsBadInput00001',
				[{ fn: '' }, { fn: 'GET ORDERS' }, { fn: 'get_inventory' }, { fn: 'get_returns' }],
				trackstar(CUSTOM_TYPE, createParameters({ functionName: '={{ $json.fn ?? "" }}' }), { onError: 'continueRegularOutput' }),
			),
			linearWorkflow('tsWrongKey00001', [wrongKey]),
			linearWorkflow('tsStopWait00001', [trackstar(CUSTOM_TYPE, createParameters({ waitForCompletion: true, timeout: 600 }))]),
		]);
	}, 120_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	beforeEach(() => sim.reset());

	function expectNoSecrets(stdout: string) {
		for (const secret of secrets) expect(stdout).not.toContain(secret);
	}

	it('Create: opens a job and outputs it', async () => {
		const run = await n8n.execute('tsCreate0000001');
		const [job] = nodeItems(run.result!, 'Trackstar');
		expect(job).toMatchObject({ function_name: 'get_orders', status: 'open', requested_start_time: PAST.startTime.replace('.000', '') });
		expect(sim.jobs().map((j) => j.id)).toEqual([job.id]);
		expectNoSecrets(run.stdout);
	});

	it('Get and Cancel: read the job, then cancel it (wrapped replies too)', async () => {
		sim.setShape('wrapped');
		sim.planNextJobs({ outcome: 'open', durationMs: 0 });
		const created = await n8n.execute('tsCreate0000001');
		const id = String(nodeItems(created.result!, 'Trackstar')[0].id);
		const workflows = [
			itemsThen('tsGet0000000001', [{ id }], trackstar(CUSTOM_TYPE, { operation: 'get', syncJobId: '={{ $json.id }}' })),
			itemsThen('tsCancel0000001', [{ id }], trackstar(CUSTOM_TYPE, { operation: 'cancel', syncJobId: '={{ $json.id }}' })),
		];
		await n8n.importWorkflow(workflows);
		const got = await n8n.execute('tsGet0000000001');
		expect(nodeItems(got.result!, 'Trackstar')).toEqual([expect.objectContaining({ id, status: 'open' })]);
		const cancelled = await n8n.execute('tsCancel0000001');
		expect(nodeItems(cancelled.result!, 'Trackstar')).toEqual([expect.objectContaining({ id, status: 'cancelled' })]);
		expect(sim.job(id)?.status).toBe('cancelled');
	});

	it('waits and routes a stuck job to "Not Completed"', async () => {
		sim.planNextJobs({ outcome: 'stuck', durationMs: 2000 });
		const run = await n8n.execute('tsWaitRoute0001');
		expect(run.result?.status).toBe('success');
		expect(nodeItems(run.result!, 'Trackstar', 0)).toEqual([]);
		expect(nodeItems(run.result!, 'Trackstar', 1)).toEqual([expect.objectContaining({ status: 'stuck', outcome: 'stuck' })]);
	});

	it('waits until a job completes, without routing', async () => {
		sim.planNextJobs({ outcome: 'completed', durationMs: 2500 });
		sim.injectFault({ kind: 'status503', method: 'GET', times: 1 });
		const run = await n8n.execute('tsWaitPlain0001');
		const [job] = nodeItems(run.result!, 'Trackstar');
		expect(job).toMatchObject({ status: 'completed', outcome: 'completed' });
		expect(String(job.summary)).toContain('completed');
		expect(sim.jobs()).toHaveLength(1);
	});

	it('fails when a waited job gets stuck and routing is off', async () => {
		sim.planNextJobs({ outcome: 'stuck', durationMs: 1500 });
		const run = await n8n.execute('tsWaitPlain0001');
		expect(run.result?.status).toBe('error');
		expect(run.result?.data.resultData.error?.message).toMatch(/ended as stuck after \d+s of waiting$/);
	});

	it('bad input with Continue On Fail: errors name the field and item, good items still run', async () => {
		const run = await n8n.execute('tsBadInput00001');
		const items = nodeItems(run.result!, 'Trackstar');
		expect(items.map((item) => item.error ?? item.status)).toEqual([
			'Function Name: The value is empty [item 0]',
			'Function Name: "GET ORDERS" is not a Trackstar function name [item 1]',
			'Function Name: get_inventory cannot be synced on demand [item 2]',
			'open',
		]);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('a wrong API key gives Trackstar\'s message and a hint, without the secrets', async () => {
		const run = await n8n.execute('tsWrongKey00001');
		const error = run.result?.data.resultData.error;
		expect(error?.message).toBe('Invalid or missing API key');
		expect(String((error as { description?: string })?.description)).toContain('Check the API key and the access token');
		expectNoSecrets(run.stdout + run.stderr);
	});

	it('a create whose reply is lost is not sent again', async () => {
		sim.injectFault({ kind: 'reset', method: 'POST', afterHandling: true });
		const run = await n8n.execute('tsCreate0000001');
		expect(run.result?.data.resultData.error?.message).toBe('Could not reach Trackstar: the connection was closed before a reply arrived');
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(sim.jobs()).toHaveLength(1);
	});

	it('stopping the execution mid-wait stops polling and cancels the job', async () => {
		sim.planNextJobs({ outcome: 'open', durationMs: 0 });
		const run = await n8n.execute('tsStopWait00001', { stopAfterMs: 4000, timeoutMs: 90_000 });
		expect(run.cancelled).toBe(true);
		const [job] = sim.jobs();
		expect(job.status).toBe('cancelled');
		const cancel = sim.requests.find((r) => r.path.endsWith('/cancel'));
		const polls = sim.requests.filter((r) => r.method === 'GET');
		expect(cancel).toBeDefined();
		expect(polls.every((poll) => poll.at <= cancel!.at)).toBe(true);
	});
});

describe.each<N8nHost>(['n8n-2', 'n8n-1'])('the packed package and the examples in real n8n %s', (host) => {
	let sim: TrackstarSimulator;
	let n8n: N8nInstance;
	let tarball: string;

	beforeAll(async () => {
		sim = await TrackstarSimulator.start({ defaultJob: { outcome: 'completed', durationMs: 2000 } });
		tarball = packRepoPackage();
		n8n = await createN8nInstance({ host });
		await n8n.installPackageTarball(tarball);
		await n8n.importCredentials([
			{ id: 'trackstar-credential', name: 'Trackstar account', type: 'trackstarApi', data: { apiKey: SIM_CREDENTIALS.apiKey, accessToken: SIM_CREDENTIALS.wmsAccessToken, baseUrl: sim.url } },
		]);
	}, 180_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
		if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
	});

	it('the tarball holds only dist/, README, LICENSE and package.json', () => {
		const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
		const outside = files.filter((file) => !/^package\/(dist\/.+|README\.md|LICENSE|package\.json)$/.test(file));
		expect(outside).toEqual([]);
		expect(files).toEqual(expect.arrayContaining([
			'package/dist/nodes/TrackstarOnDemandSync/TrackstarOnDemandSync.node.js',
			'package/dist/nodes/TrackstarOnDemandSync/trackstar.svg',
			'package/dist/nodes/TrackstarOnDemandSync/trackstar.dark.svg',
			'package/dist/nodes/TrackstarOnDemandSync/TrackstarOnDemandSync.node.json',
			'package/dist/credentials/TrackstarApi.credentials.js',
		]));
	});

	it('imports every example', async () => {
		const examples = ['nightly-backfill', 'monthly-carrier-invoices', 'manual-backfill-with-cancel'].map((name, index) => ({
			...(JSON.parse(readFileSync(join(repoRoot, 'examples', `${name}.json`), 'utf8')) as Workflow),
			id: `tsExample000000${index}`,
		}));
		await n8n.importWorkflow(examples);
		const listed = await n8n.cli(['list:workflow']);
		for (const example of examples) expect(listed.stdout).toContain(example.id);
	});

	it('runs the nightly example (manual trigger, No-Op instead of Slack) with the installed package', async () => {
		const example = JSON.parse(readFileSync(join(repoRoot, 'examples', 'nightly-backfill.json'), 'utf8')) as Workflow;
		const nodes = (example.nodes as Array<Record<string, unknown>>).map((node) => {
			if (node.type === 'n8n-nodes-base.scheduleTrigger') return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
			if (node.type === 'n8n-nodes-base.slack') return { ...node, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {}, credentials: undefined };
			return node;
		});
		expect(nodes.find((node) => node.type === PACKAGE_TYPE)).toBeDefined();
		await n8n.importWorkflow([{ ...example, id: 'tsNightlyRun001', nodes }]);
		const run = await n8n.execute('tsNightlyRun001');
		const sync = "Re-sync yesterday's orders";
		expect(nodeItems(run.result!, sync, 0)).toEqual([expect.objectContaining({ status: 'completed', outcome: 'completed' })]);
		expect(nodeRuns(run.result!, 'Tell the team')).toHaveLength(1);
		expect(Object.keys(run.result!.data.resultData.runData)).not.toContain('Alert the team');
		const [request] = sim.requests.filter((r) => r.method === 'POST');
		// Previous day in America/New_York: from one local midnight to the next.
		expect(request.body).toMatchObject({ function_name: 'get_orders', start_time: expect.stringMatching(/T0[45]:00:00Z$/) });
	});
});
