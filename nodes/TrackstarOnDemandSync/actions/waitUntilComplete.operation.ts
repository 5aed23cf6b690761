import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readSyncJobId } from '../helpers/parameters';
import { readWaitSettings, waitingFields, type WaitSettings } from '../wait/waitSettings';
import { syncJobIdField } from './syncJobId.description';
import type { ItemResult, NodeRun, Operation } from './types';

export const description: INodeProperties[] = [
	syncJobIdField(['waitUntilComplete']),
	...waitingFields({ operation: ['waitUntilComplete'] }),
];

export interface WaitParams {
	syncJobId: string;
	wait: WaitSettings;
}

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): WaitParams {
	return { syncJobId: readSyncJobId(ctx, itemIndex), wait: readWaitSettings(ctx, itemIndex) };
}

export async function execute(
	_ctx: IExecuteFunctions,
	params: WaitParams,
	itemIndex: number,
	run: NodeRun,
): Promise<ItemResult> {
	// Only the ID is known yet: the first poll goes out at once and tells the status.
	return await run.waitRun.waitFor({ id: params.syncJobId, status: 'open' }, params.wait, itemIndex, true);
}

export const waitUntilComplete: Operation<WaitParams> = {
	description,
	readParameters,
	execute,
	waits: () => true,
};
