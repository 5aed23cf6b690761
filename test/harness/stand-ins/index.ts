import type { INodeType } from 'n8n-workflow';

import { ItemsNode } from './items';
import { ManualTriggerStandIn } from './manual-trigger';
import { NoOpStandIn } from './no-op';
import { ScheduleTriggerStandIn } from './schedule-trigger';
import { SlackStandIn } from './slack';
import { StickyNoteStandIn } from './sticky-note';

/** Node types our examples use from n8n-nodes-base, under their real type names. */
export function standInNodeTypes(): Record<string, INodeType> {
	return {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
		'n8n-nodes-base.scheduleTrigger': new ScheduleTriggerStandIn(),
		'n8n-nodes-base.noOp': new NoOpStandIn(),
		'n8n-nodes-base.slack': new SlackStandIn(),
		'n8n-nodes-base.stickyNote': new StickyNoteStandIn(),
		'harness.items': new ItemsNode(),
	};
}

export {
	ItemsNode,
	ManualTriggerStandIn,
	NoOpStandIn,
	ScheduleTriggerStandIn,
	SlackStandIn,
	StickyNoteStandIn,
};
