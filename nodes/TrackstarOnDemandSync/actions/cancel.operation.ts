import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBoolean, readSyncJobId } from '../helpers/parameters';
import { cancelSyncJob } from '../transport';
import { syncJobIdField } from './syncJobId.description';
import type { ItemResult, Operation } from './types';

export const description: INodeProperties[] = [
	syncJobIdField(['cancel']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { operation: ['cancel'] } },
		options: [
			{
				displayName: 'Return Job If Not Open',
				name: 'returnJobIfNotOpen',
				type: 'boolean',
				default: false,
				description:
					'Whether to output the job as it is when it has already completed or been cancelled, instead of failing. Handy in clean-up branches.',
			},
		],
	},
];

export interface CancelParams {
	syncJobId: string;
	returnJobIfNotOpen: boolean;
}

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): CancelParams {
	return {
		syncJobId: readSyncJobId(ctx, itemIndex),
		returnJobIfNotOpen: readBoolean(ctx, itemIndex, 'returnJobIfNotOpen', 'Return Job If Not Open', false, 'options'),
	};
}

export async function execute(ctx: IExecuteFunctions, params: CancelParams, itemIndex: number): Promise<ItemResult> {
	const job = await cancelSyncJob(ctx, params.syncJobId, itemIndex, {
		returnJobIfNotOpen: params.returnJobIfNotOpen,
	});
	return { json: job, output: 0 };
}

export const cancel: Operation<CancelParams> = { description, readParameters, execute, waits: () => false };
