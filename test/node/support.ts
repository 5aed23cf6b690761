import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type RunResult, type RunWorkflowOptions, type WorkflowJson } from '../harness';
import { SIM_CREDENTIALS, TrackstarSimulator } from '../simulator';

export const NODE = 'Trackstar';
export const CREDENTIAL_ID = 'trackstar-test-credential';

export interface TrackstarRun {
	/** Node parameters, as the editor would save them. */
	parameters: IDataObject;
	/** Items fed into the node (one empty item when omitted). */
	items?: IDataObject[];
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	timezone?: string;
	credentials?: Partial<{ apiKey: string; accessToken: string; baseUrl: string }>;
	options?: Omit<RunWorkflowOptions, 'credentials'>;
}

/** Manual Trigger → Items → Trackstar, with the credential pointing at the simulator. */
export function trackstarWorkflow(run: TrackstarRun): WorkflowJson {
	return {
		name: 'Trackstar test',
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{
				name: 'Items',
				type: 'harness.items',
				typeVersion: 1,
				parameters: { items: JSON.stringify(run.items ?? [{}]) },
			},
			{
				name: NODE,
				type: 'n8n-nodes-trackstar.trackstarOnDemandSync',
				typeVersion: 1,
				parameters: run.parameters as INodeParameters,
				credentials: { trackstarApi: { id: CREDENTIAL_ID, name: 'Trackstar (simulator)' } },
				...(run.onError ? { onError: run.onError } : {}),
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		},
		settings: run.timezone ? { timezone: run.timezone } : {},
	};
}

export async function runTrackstar(sim: TrackstarSimulator, run: TrackstarRun): Promise<RunResult> {
	return await runWorkflow(trackstarWorkflow(run), {
		timeoutMs: 60_000,
		...run.options,
		credentials: {
			[CREDENTIAL_ID]: {
				apiKey: SIM_CREDENTIALS.apiKey,
				accessToken: SIM_CREDENTIALS.wmsAccessToken,
				baseUrl: sim.url,
				...run.credentials,
			},
		},
	});
}

/** Requests that reached the simulator's on-demand sync endpoints. */
export function syncRequests(sim: TrackstarSimulator, method?: string) {
	return sim.requests.filter(
		(request) => request.path.startsWith('/connections/on-demand-syncs') && (!method || request.method === method),
	);
}

/** Starts one simulator for the file and clears it between tests. */
export function useSimulator(): { sim: TrackstarSimulator } {
	const holder = {} as { sim: TrackstarSimulator };
	beforeAll(async () => {
		holder.sim = await TrackstarSimulator.start();
	});
	beforeEach(() => holder.sim.reset());
	afterAll(async () => {
		await holder.sim?.stop();
	});
	return holder;
}

/** A window in the past, as the editor's date picker saves it (no zone). */
export const PAST_WINDOW = { startTime: '2026-11-01T00:00:00', endTime: '2026-11-02T00:00:00' };

export function createParameters(extra: IDataObject = {}): IDataObject {
	return {
		operation: 'create',
		integrationType: 'wms',
		functionName: 'get_orders',
		timeWindow: 'custom',
		...PAST_WINDOW,
		...extra,
	};
}

export { SIM_CREDENTIALS };
