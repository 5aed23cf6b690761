import { existsSync } from 'node:fs';
import path from 'node:path';

import { DateTime } from 'luxon';

import type { WorkflowJson } from './harness';
import { HarnessNodeTypes, runWorkflow } from './harness';
import { cancelLog, fixtureNodeTypes } from './harness/fixtures';
import { SIM_CREDENTIALS, TrackstarSimulator } from './simulator';

type NodeSpec = Partial<WorkflowJson['nodes'][number]> & { name: string; type: string };

// A workflow as n8n exports it: a trigger, then the given nodes in a chain.
function chain(
	nodes: NodeSpec[],
	settings?: WorkflowJson['settings'],
	trigger?: NodeSpec,
): WorkflowJson {
	const full = [
		trigger ?? { name: 'When clicking "Execute workflow"', type: 'n8n-nodes-base.manualTrigger' },
		...nodes,
	].map((node, index) => ({
		typeVersion: 1,
		position: [index * 220, 0] as [number, number],
		parameters: {},
		...node,
	}));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < full.length - 1; i++) {
		connections[full[i].name] = { main: [[{ node: full[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name: 'harness test', nodes: full, connections, settings };
}

const itemsNode = (items: unknown[]): NodeSpec => ({
	name: 'Items',
	type: 'harness.items',
	parameters: { items: JSON.stringify(items) },
});

const listNode = (extra: Partial<NodeSpec> = {}): NodeSpec => ({
	name: 'List',
	type: 'harness.connectionsLister',
	parameters: { accessToken: '={{ $json.token }}' },
	credentials: { trackstarApi: { id: 'cred-1', name: 'Trackstar (simulator)' } },
	...extra,
});

describe('runWorkflow', () => {
	let sim: TrackstarSimulator;
	const nodeTypes = fixtureNodeTypes();

	beforeAll(async () => {
		sim = await TrackstarSimulator.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.clearLog());

	const credentials = (apiKey: string = SIM_CREDENTIALS.apiKey) => ({
		'cred-1': { apiKey, accessToken: SIM_CREDENTIALS.wmsAccessToken, baseUrl: sim.url },
	});

	describe('credentials', () => {
		it('sends the credential headers on every request, with pairedItem on the output', async () => {
			const result = await runWorkflow(
				chain([
					itemsNode([{ token: SIM_CREDENTIALS.wmsAccessToken }, { token: 'unknown' }]),
					listNode(),
				]),
				{ credentials: credentials(), nodeTypes },
			);

			expect(result.status).toBe('success');
			expect(result.json('List').map((json) => json.total_count)).toEqual([1, 0]);
			expect(result.items('List').map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);

			const logged = sim.requests.filter((request) => request.path === '/connections');
			expect(logged.map((request) => request.query.access_token)).toEqual([
				SIM_CREDENTIALS.wmsAccessToken,
				'unknown',
			]);
			for (const request of logged) {
				expect(request.headers['x-trackstar-api-key']).toBe(SIM_CREDENTIALS.apiKey);
				expect(request.headers['x-trackstar-access-token']).toBe(SIM_CREDENTIALS.wmsAccessToken);
			}
		});

		it('finds credentials by type name when no id matches', async () => {
			const result = await runWorkflow(chain([itemsNode([{ token: 'x' }]), listNode()]), {
				credentials: { trackstarApi: credentials()['cred-1'] },
				nodeTypes,
			});
			expect(result.status).toBe('success');
			expect(sim.requests[0].headers['x-trackstar-api-key']).toBe(SIM_CREDENTIALS.apiKey);
		});

		it('fails the run like n8n when the credential is missing', async () => {
			const result = await runWorkflow(chain([itemsNode([{}]), listNode()]), { nodeTypes });
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain('does not exist for type "trackstarApi"');
		});
	});

	describe('errors', () => {
		it('stops the run on an API error and reports it on the node', async () => {
			const result = await runWorkflow(chain([itemsNode([{ token: 'a' }]), listNode()]), {
				credentials: credentials('wrong-key'),
				nodeTypes,
			});

			expect(result.status).toBe('error');
			expect(result.error).toMatchObject({ node: 'List', httpCode: '401', name: 'NodeApiError' });
			expect(result.nodeError('List')).toMatchObject({ httpCode: '401' });
			expect(result.json('List')).toEqual([]);
			// n8n 2.x's httpRequestWithAuthentication retries a 401 once (after offering the
			// credential a refresh through preAuthentication), so one item costs two calls.
			expect(sim.requests.map((request) => request.status)).toEqual([401, 401]);
		});

		it('turns node errors into items with Continue On Fail (continueRegularOutput)', async () => {
			const result = await runWorkflow(
				chain([
					itemsNode([{ token: 'a' }, { token: 'b' }]),
					listNode({ onError: 'continueRegularOutput' }),
					{ name: 'After', type: 'n8n-nodes-base.noOp' },
				]),
				{ credentials: credentials('wrong-key'), nodeTypes },
			);

			expect(result.status).toBe('success');
			const items = result.items('After');
			expect(items).toHaveLength(2);
			for (const [index, item] of items.entries()) {
				expect(item.json.error).toEqual(expect.any(String));
				expect(item.pairedItem).toEqual({ item: index });
			}
			// Two items, each tried twice (see above).
			expect(sim.requests.map((request) => request.status)).toEqual([401, 401, 401, 401]);
		});
	});

	describe('timezone', () => {
		const probe = (settings?: WorkflowJson['settings']) =>
			chain([{ name: 'Probe', type: 'harness.probe' }], settings);

		it("defaults to n8n's instance default, America/New_York", async () => {
			const result = await runWorkflow(probe(), { nodeTypes });
			expect(result.json('Probe')[0].timezone).toBe('America/New_York');
		});

		it('uses the timezone option as the instance timezone', async () => {
			const result = await runWorkflow(probe(), { nodeTypes, timezone: 'Europe/Berlin' });
			expect(result.json('Probe')[0].timezone).toBe('Europe/Berlin');
		});

		it("lets the workflow's own timezone setting win", async () => {
			const result = await runWorkflow(probe({ timezone: 'Asia/Tokyo' }), {
				nodeTypes,
				timezone: 'Europe/Berlin',
			});
			expect(result.json('Probe')[0].timezone).toBe('Asia/Tokyo');
		});
	});

	describe('expressions', () => {
		it('evaluates $json per item (Slack stand-in shows the message)', async () => {
			const result = await runWorkflow(
				chain([
					itemsNode([{ x: 'one' }, { x: 'two' }]),
					{
						name: 'Slack',
						type: 'n8n-nodes-base.slack',
						typeVersion: 2.3,
						parameters: {
							select: 'channel',
							channelId: { __rl: true, value: 'C0123', mode: 'id' },
							text: '=Sync {{ $json.x }} done',
						},
					},
				]),
				{ nodeTypes },
			);

			expect(result.json('Slack')).toEqual([
				{ text: 'Sync one done', channel: 'C0123' },
				{ text: 'Sync two done', channel: 'C0123' },
			]);
			expect(result.items('Slack').map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		});

		it('evaluates $now with luxon in the workflow timezone', async () => {
			const result = await runWorkflow(
				chain([
					{
						name: 'Probe',
						type: 'harness.probe',
						parameters: { value: '={{ $now.minus({days:1}).toISO() }}' },
					},
				]),
				{ nodeTypes, timezone: 'Asia/Kolkata' },
			);

			const value = DateTime.fromISO(result.json('Probe')[0].value as string, { setZone: true });
			expect(value.isValid).toBe(true);
			// Kolkata has no DST: +05:30 all year.
			expect(value.offset).toBe(330);
			const expected = DateTime.now().minus({ days: 1 });
			expect(Math.abs(value.toMillis() - expected.toMillis())).toBeLessThan(60_000);
		});

		it('accepts the items parameter as an array too', async () => {
			const result = await runWorkflow(
				chain([
					{ name: 'Items', type: 'harness.items', parameters: { items: [{ a: 1 }, { a: 2 }] } },
				]),
				{ nodeTypes },
			);
			expect(result.json('Items')).toEqual([{ a: 1 }, { a: 2 }]);
		});
	});

	describe('stop', () => {
		const waiting = chain([{ name: 'Wait', type: 'harness.waitForCancel' }]);

		it('stopAfterMs cancels the run and the node sees the cancel signal', async () => {
			cancelLog.length = 0;
			const started = Date.now();
			const result = await runWorkflow(waiting, { nodeTypes, stopAfterMs: 200 });

			expect(result.status).toBe('canceled');
			expect(Date.now() - started).toBeLessThan(2_000);
			expect(cancelLog).toEqual([{ node: 'Wait', abortedAfterMs: expect.any(Number) }]);
		});

		it('onStarted hands out a stop() control', async () => {
			cancelLog.length = 0;
			const result = await runWorkflow(waiting, {
				nodeTypes,
				onStarted: (control) => setTimeout(() => control.stop(), 100),
			});
			expect(result.status).toBe('canceled');
			expect(cancelLog).toHaveLength(1);
		});

		it('rejects when the safety timeout fires', async () => {
			await expect(runWorkflow(waiting, { nodeTypes, timeoutMs: 200 })).rejects.toThrow(
				/did not finish within 200 ms/,
			);
		});
	});

	describe('node types', () => {
		it('starts from a Schedule Trigger like a manual run', async () => {
			const result = await runWorkflow(
				chain([{ name: 'Probe', type: 'harness.probe' }], undefined, {
					name: 'Schedule Trigger',
					type: 'n8n-nodes-base.scheduleTrigger',
					typeVersion: 1.2,
				}),
				{ nodeTypes },
			);
			expect(result.status).toBe('success');
			expect(result.json('Schedule Trigger')).toEqual([{}]);
			expect(result.json('Probe')).toHaveLength(1);
		});

		it('starts from startNode when given', async () => {
			const result = await runWorkflow(
				chain([itemsNode([{ a: 1 }]), { name: 'After', type: 'n8n-nodes-base.noOp' }]),
				{
					startNode: 'Items',
				},
			);
			expect(result.ran('When clicking "Execute workflow"')).toBe(false);
			expect(result.json('After')).toEqual([{ a: 1 }]);
		});

		it('knows the stand-ins and registered types', () => {
			const registry = new HarnessNodeTypes().register('harness.probe', nodeTypes['harness.probe']);
			const known = Object.keys(registry.getKnownTypes());
			expect(known).toEqual(
				expect.arrayContaining([
					'n8n-nodes-base.manualTrigger',
					'n8n-nodes-base.scheduleTrigger',
					'n8n-nodes-base.noOp',
					'n8n-nodes-base.slack',
					'harness.items',
					'harness.probe',
				]),
			);
			expect(() => registry.getByName('n8n-nodes-base.httpRequest')).toThrow(/Unknown node type/);
		});

		const built = existsSync(
			path.join(__dirname, '..', 'dist/nodes/TrackstarOnDemandSync/TrackstarOnDemandSync.node.js'),
		);
		(built ? it : it.skip)('resolves the package node under both package prefixes', () => {
			const registry = new HarnessNodeTypes();
			const installed = registry.getByName('n8n-nodes-trackstar.trackstarOnDemandSync');
			expect(registry.getByName('CUSTOM.trackstarOnDemandSync')).toBe(installed);
			expect(installed.description.name).toBe('trackstarOnDemandSync');
		});
	});
});
