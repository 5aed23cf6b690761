import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * Stand-in for n8n-nodes-base.stickyNote. Exported example workflows often carry notes;
 * they never run, but the Workflow needs their type to exist.
 */
export class StickyNoteStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sticky Note (harness stand-in)',
		name: 'stickyNote',
		group: ['input'],
		version: [1, 2],
		description: 'A note on the canvas',
		defaults: { name: 'Sticky Note' },
		inputs: [],
		outputs: [],
		properties: [
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
			{ displayName: 'Height', name: 'height', type: 'number', default: 160 },
			{ displayName: 'Width', name: 'width', type: 'number', default: 240 },
			{ displayName: 'Color', name: 'color', type: 'number', default: 1 },
		],
	};
}
