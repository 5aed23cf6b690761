import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readSyncJobId } from '../helpers/parameters';
import { getSyncJob } from '../transport';
import { syncJobIdField } from './syncJobId.description';
import type { ItemResult, Operation } from './types';

export const description: INodeProperties[] = [syncJobIdField(['get'])];

export interface GetParams {
	syncJobId: string;
}

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): GetParams {
	return { syncJobId: readSyncJobId(ctx, itemIndex) };
}

export async function execute(ctx: IExecuteFunctions, params: GetParams, itemIndex: number): Promise<ItemResult> {
	return { json: await getSyncJob(ctx, params.syncJobId, itemIndex), output: 0 };
}

export const get: Operation<GetParams> = { description, readParameters, execute, waits: () => false };
