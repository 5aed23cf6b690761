import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Stand-in for n8n-nodes-base.manualTrigger: starts a run with one empty item, as the
 * real node does when you press "Execute workflow". The real one is a `trigger()` node
 * whose manual mode emits that item; a plain `execute()` gives the engine the same
 * output without the trigger machinery (which needs n8n's ActiveWorkflows services).
 */
export class ManualTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger (harness stand-in)',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Emits one empty item',
		defaults: { name: 'When clicking "Execute workflow"' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}
