import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Stand-in for n8n-nodes-base.slack (message → send). It sends nothing: it evaluates
 * the `text` parameter for each item and outputs `{ text, channel }` paired to that
 * item, so a test can read what the Slack message of an example workflow would say.
 *
 * The properties mirror the real node's parameter names (v1 `channel`; v2 `select`,
 * `channelId`, `user`) because n8n drops parameters a node type does not declare when
 * it builds the Workflow. They have no displayOptions, so nothing set in an example is
 * pruned for being hidden.
 */
export class SlackStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Slack (harness stand-in)',
		name: 'slack',
		group: ['output'],
		version: [1, 2, 2.1, 2.2, 2.3, 2.4],
		description: 'Shows the message a Slack node would send',
		defaults: { name: 'Slack' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Authentication', name: 'authentication', type: 'string', default: '' },
			{ displayName: 'Resource', name: 'resource', type: 'string', default: 'message' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'post' },
			{ displayName: 'Send To', name: 'select', type: 'string', default: 'channel' },
			{ displayName: 'Channel (v1)', name: 'channel', type: 'string', default: '' },
			{
				displayName: 'Channel',
				name: 'channelId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list' },
					{ displayName: 'ID', name: 'id', type: 'string' },
					{ displayName: 'By Name', name: 'name', type: 'string' },
					{ displayName: 'By URL', name: 'url', type: 'string' },
				],
			},
			{
				displayName: 'User',
				name: 'user',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list' },
					{ displayName: 'ID', name: 'id', type: 'string' },
					{ displayName: 'By Username', name: 'username', type: 'string' },
				],
			},
			{ displayName: 'Message Type', name: 'messageType', type: 'string', default: 'text' },
			{ displayName: 'Message Text', name: 'text', type: 'string', default: '' },
			{ displayName: 'Blocks', name: 'blocksUi', type: 'string', default: '' },
			{ displayName: 'Options', name: 'otherOptions', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const message: IDataObject = { text: this.getNodeParameter('text', i) as string };
				const sendTo = this.getNodeParameter('select', i) as string;
				const target =
					sendTo === 'user'
						? (this.getNodeParameter('user', i, '', { extractValue: true }) as string)
						: (this.getNodeParameter('channelId', i, '', { extractValue: true }) as string) ||
							(this.getNodeParameter('channel', i, '') as string);
				if (target) message[sendTo === 'user' ? 'user' : 'channel'] = target;
				out.push({ json: message, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}
