import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { description as cancelDescription } from './actions/cancel.operation';
import { description as createDescription } from './actions/create.operation';
import { description as getDescription } from './actions/get.operation';
import { route } from './actions/router';
import { description as waitDescription } from './actions/waitUntilComplete.operation';

// Evaluated by n8n from the parameters (as the Switch and If nodes do): two outputs only
// when the node waits and routes by outcome. Kept as plain text so the compiled code
// is exactly what n8n 1.x and 2.x evaluate. Must agree with routesByOutcome().
const outputsExpression = `={{(${function configuredOutputs(parameters: {
	operation?: string;
	waitForCompletion?: boolean;
	options?: { routeByOutcome?: boolean };
}) {
	const waits =
		parameters.operation === 'waitUntilComplete' ||
		(parameters.operation === 'create' && parameters.waitForCompletion === true);
	if (waits && parameters.options && parameters.options.routeByOutcome === true) {
		return [
			{ type: 'main', displayName: 'Completed' },
			{ type: 'main', displayName: 'Not Completed' },
		];
	}
	return [{ type: 'main' }];
}.toString()})($parameter)}}` as `={{${string}}}`;

export class TrackstarOnDemandSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trackstar On-Demand Sync',
		name: 'trackstarOnDemandSync',
		icon: { light: 'file:trackstar.svg', dark: 'file:trackstar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ {create: "Create", get: "Get", cancel: "Cancel", waitUntilComplete: "Wait Until Complete"}[$parameter["operation"]] + " sync job" }}',
		description: 'Create, check, cancel and wait for Trackstar on-demand sync jobs',
		defaults: { name: 'Trackstar On-Demand Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsExpression,
		credentials: [{ name: 'trackstarApi', required: true }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Cancel',
						value: 'cancel',
						description: 'Cancel an open sync job',
						action: 'Cancel a sync job',
					},
					{
						name: 'Create',
						value: 'create',
						description: 'Start a sync job that re-pulls one data type for a time window',
						action: 'Create a sync job',
					},
					{
						name: 'Get',
						value: 'get',
						description: 'Get a sync job and its status',
						action: 'Get a sync job',
					},
					{
						name: 'Wait Until Complete',
						value: 'waitUntilComplete',
						description: 'Wait until a sync job completes, is cancelled or gets stuck',
						action: 'Wait until a sync job completes',
					},
				],
				default: 'create',
			},
			...createDescription,
			...getDescription,
			...cancelDescription,
			...waitDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
