import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { WaitOutcomeError, WaitRun } from '../wait/waitRun';
import { cancel } from './cancel.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import type { ItemResult, Operation } from './types';
import { waitUntilComplete } from './waitUntilComplete.operation';

const operations: Record<string, Operation<unknown>> = {
	create: create as Operation<unknown>,
	get: get as Operation<unknown>,
	cancel: cancel as Operation<unknown>,
	waitUntilComplete: waitUntilComplete as Operation<unknown>,
};

/** Must agree with the `outputs` expression in the node description. */
export function routesByOutcome(ctx: IExecuteFunctions): boolean {
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const waits =
		operation === 'waitUntilComplete' ||
		(operation === 'create' && ctx.getNodeParameter('waitForCompletion', 0, false) === true);
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return waits && options.routeByOutcome === true;
}

const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

type Settled = { ok: true; result: ItemResult } | { ok: false; error: Error };

/**
 * The item a failed input leaves as with Continue On Fail. Only `error`, `message` and
 * `details` are used: n8n moves items made of just those keys to the error output when
 * the node is set to "Continue (using error output)", and rewrites items that carry an
 * `error` object, so the job stays readable only this way.
 */
function errorItem(error: Error, routeByOutcome: boolean): ItemResult {
	const description = (error as { description?: unknown }).description;
	const hint = typeof description === 'string' && description !== '' ? description : undefined;
	const json: IDataObject = { error: error.message };
	if (error instanceof WaitOutcomeError) {
		const { summary, outcome, waitedSeconds, pollCount, ...job } = error.item;
		json.message = summary;
		json.details = { hint, outcome, waitedSeconds, pollCount, job };
	} else if (hint) {
		json.details = hint;
	}
	// With two outputs a failed item belongs with the jobs that did not complete.
	return { json, output: routeByOutcome ? 1 : 0 };
}

function readSafely<P>(read: () => P): { ok: true; params: P } | { ok: false; error: Error } {
	try {
		return { ok: true, params: read() };
	} catch (error) {
		return { ok: false, error: error as Error };
	}
}

async function settle(promise: Promise<ItemResult>): Promise<Settled> {
	try {
		return { ok: true, result: await promise };
	} catch (error) {
		return { ok: false, error: error as Error };
	}
}

/**
 * Runs the chosen operation for every item. Parameters of all items are checked before
 * any request, so a bad item cannot leave jobs of earlier items behind. Waiting items
 * run side by side; the rest run in item order. With Continue On Fail a failed item
 * becomes an error item paired to its input and the others still run.
 */
export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const operationName = ctx.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	if (operationName === CUSTOM_API_CALL) {
		// n8n offers "Custom API Call" on every node whose credential authenticates generically.
		throw new NodeOperationError(ctx.getNode(), 'Custom API calls are made with the HTTP Request node', {
			description:
				'Add an HTTP Request node and set Authentication to "Predefined Credential Type", then "Trackstar API": it sends the API key and access token for you.',
		});
	}
	if (!operation) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operationName}" is not supported`, {
			description: 'Pick Create, Get, Cancel or Wait Until Complete.',
		});
	}
	const routeByOutcome = routesByOutcome(ctx);
	const continueOnFail = ctx.continueOnFail();
	const settled: Settled[] = new Array(items.length);

	const params: unknown[] = new Array(items.length);
	for (let i = 0; i < items.length; i++) {
		const checked = readSafely(() => operation.readParameters(ctx, i));
		if (checked.ok) {
			params[i] = checked.params;
			continue;
		}
		if (!continueOnFail) throw checked.error;
		settled[i] = checked;
	}

	const run = { waitRun: new WaitRun(ctx) };
	const waiting: Array<Promise<void>> = [];
	for (let i = 0; i < items.length; i++) {
		if (settled[i]) continue;
		const pending = settle(operation.execute(ctx, params[i], i, run));
		if (operation.waits(params[i])) {
			waiting.push(pending.then((outcome) => void (settled[i] = outcome)));
			continue;
		}
		settled[i] = await pending;
		if (!settled[i].ok && !continueOnFail) break;
	}
	await Promise.all(waiting);

	const outputs: INodeExecutionData[][] = routeByOutcome ? [[], []] : [[]];
	for (let i = 0; i < items.length; i++) {
		const outcome = settled[i];
		if (!outcome) continue;
		if (!outcome.ok && !continueOnFail) throw outcome.error;
		const { json, output } = outcome.ok ? outcome.result : errorItem(outcome.error, routeByOutcome);
		outputs[Math.min(output, outputs.length - 1)].push({ json, pairedItem: { item: i } });
	}
	return outputs;
}
