import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { WaitRun } from '../wait/waitRun';

/** What one input item produced, and on which output it leaves the node. */
export interface ItemResult {
	json: IDataObject;
	/** 0, or 1 for "Not Completed" when routing by outcome. */
	output: number;
}

/** Shared by every item of one node run. */
export interface NodeRun {
	waitRun: WaitRun;
}

export interface Operation<Params> {
	description: INodeProperties[];
	/** Reads and checks an item's parameters; throws NodeOperationError, sends nothing. */
	readParameters(ctx: IExecuteFunctions, itemIndex: number): Params;
	execute(ctx: IExecuteFunctions, params: Params, itemIndex: number, run: NodeRun): Promise<ItemResult>;
	/** Waiting items run side by side; the rest run one after another in item order. */
	waits(params: Params): boolean;
}
