// The two workflows the benchmark compares. Both start the same way (Manual Trigger →
// our node's Create, which only starts the job) and end in a No-Op "Done"; they differ
// only in how they wait:
//   ours: Trackstar Wait Until Complete with its defaults
//   loop: HTTP Request GET → IF status is "open" → Wait 10 s → back to the HTTP Request
// Node types and versions are the ones n8n 2.41.1 ships (checked against
// n8n-nodes-base/dist/nodes/HttpRequest/V3, If/V2 and Wait in the e2e cache).
import type { Credential, Workflow } from '../../e2e/lib/n8n';
import { SIM_CREDENTIALS } from '../../simulator';

export const OURS_WORKFLOW_ID = 'benchLoopOurs001';
export const LOOP_WORKFLOW_ID = 'benchLoopHttp001';
export const CREDENTIAL = { id: 'benchLoopCred001', name: 'Trackstar (simulator)' };

/** Node names, used again when reading the run data. */
export const NODES = {
	trigger: 'Manual Trigger',
	create: 'Create Sync Job',
	ours: 'Wait Until Complete',
	http: 'Get Sync Job',
	isOpen: 'Still Open?',
	wait: 'Wait 10s',
	done: 'Done',
} as const;

/** Seconds the loop's Wait node waits between checks (below 65 s, so n8n keeps it in memory). */
export const LOOP_WAIT_SECONDS = 10;

// Fixed, in the past: the window only has to be valid.
const WINDOW = { startTime: '2026-11-01T00:00:00Z', endTime: '2026-11-02T00:00:00Z' };

export function trackstarCredential(simUrl: string): Credential {
	return {
		...CREDENTIAL,
		type: 'trackstarApi',
		data: { apiKey: SIM_CREDENTIALS.apiKey, accessToken: SIM_CREDENTIALS.wmsAccessToken, baseUrl: simUrl },
	};
}

const trigger = { id: 'trigger', name: NODES.trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

const create = {
	id: 'create',
	name: NODES.create,
	type: 'CUSTOM.trackstarOnDemandSync',
	typeVersion: 1,
	position: [220, 0],
	parameters: {
		operation: 'create',
		integrationType: 'wms',
		functionName: 'get_orders',
		timeWindow: 'custom',
		...WINDOW,
		waitForCompletion: false,
	},
	credentials: { trackstarApi: CREDENTIAL },
};

const done = (x: number) => ({ id: 'done', name: NODES.done, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [x, 0], parameters: {} });

const main = (...targets: string[]) => targets.map((node) => ({ node, type: 'main', index: 0 }));

/** (a) Create → Trackstar Wait Until Complete (all defaults) → Done. */
export function oursWorkflow(): Workflow {
	return {
		id: OURS_WORKFLOW_ID,
		name: 'bench: Wait Until Complete',
		nodes: [
			trigger,
			create,
			{
				id: 'ours',
				name: NODES.ours,
				type: 'CUSTOM.trackstarOnDemandSync',
				typeVersion: 1,
				position: [440, 0],
				parameters: { operation: 'waitUntilComplete', syncJobId: '={{ $json.id }}', options: {} },
				credentials: { trackstarApi: CREDENTIAL },
			},
			done(660),
		],
		connections: {
			[NODES.trigger]: { main: [main(NODES.create)] },
			[NODES.create]: { main: [main(NODES.ours)] },
			[NODES.ours]: { main: [main(NODES.done)] },
		},
	};
}

/**
 * (b) The loop people build today: Create → HTTP Request GET the job (the two Trackstar
 * headers typed in as header parameters) → IF status equals "open": true → Wait 10 s →
 * HTTP Request again; false → Done.
 */
export function loopWorkflow(simUrl: string): Workflow {
	return {
		id: LOOP_WORKFLOW_ID,
		name: 'bench: HTTP Request loop',
		nodes: [
			trigger,
			create,
			{
				id: 'http',
				name: NODES.http,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [440, 0],
				parameters: {
					method: 'GET',
					url: `=${simUrl}/connections/on-demand-syncs/{{ $json.id }}`,
					sendHeaders: true,
					specifyHeaders: 'keypair',
					headerParameters: {
						parameters: [
							{ name: 'x-trackstar-api-key', value: SIM_CREDENTIALS.apiKey },
							{ name: 'x-trackstar-access-token', value: SIM_CREDENTIALS.wmsAccessToken },
						],
					},
					options: {},
				},
			},
			{
				id: 'if',
				name: NODES.isOpen,
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				position: [660, 0],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [
							{
								id: 'status-is-open',
								leftValue: '={{ $json.status }}',
								rightValue: 'open',
								operator: { type: 'string', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			{
				id: 'wait',
				name: NODES.wait,
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [880, -120],
				webhookId: '5f0c3a52-7d2e-4c1b-9a57-3b0e6f1d2c10',
				parameters: { resume: 'timeInterval', amount: LOOP_WAIT_SECONDS, unit: 'seconds' },
			},
			done(880),
		],
		connections: {
			[NODES.trigger]: { main: [main(NODES.create)] },
			[NODES.create]: { main: [main(NODES.http)] },
			[NODES.http]: { main: [main(NODES.isOpen)] },
			[NODES.isOpen]: { main: [main(NODES.wait), main(NODES.done)] },
			[NODES.wait]: { main: [main(NODES.http)] },
		},
	};
}
