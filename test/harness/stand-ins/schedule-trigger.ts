import type { INodeTypeDescription } from 'n8n-workflow';

import { ManualTriggerStandIn } from './manual-trigger';

/**
 * Stand-in for n8n-nodes-base.scheduleTrigger. Running a workflow by hand from a
 * Schedule Trigger fires it once, so the harness treats it as a manual trigger: one
 * item, no schedule. (The real node's item carries timestamp fields; examples that
 * read them should not rely on this stand-in.)
 */
export class ScheduleTriggerStandIn extends ManualTriggerStandIn {
	description: INodeTypeDescription = {
		displayName: 'Schedule Trigger (harness stand-in)',
		name: 'scheduleTrigger',
		group: ['trigger', 'schedule'],
		version: [1, 1.1, 1.2, 1.3],
		description: 'Fires once, like pressing "Execute workflow"',
		defaults: { name: 'Schedule Trigger' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};
}
