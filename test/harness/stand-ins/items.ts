import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Test-only node `harness.items`: emits the items in its `items` parameter (a JSON array
 * string or an array of objects), so a test can feed many items into a node without a
 * Code node. Runs once whatever its input, like a trigger or "Execute Once".
 */
export class ItemsNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items (harness)',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as unknown;
		let list: unknown;
		try {
			list = typeof raw === 'string' ? JSON.parse(raw) : raw;
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`items is not valid JSON: ${(error as Error).message}`,
			);
		}
		if (!Array.isArray(list)) {
			throw new NodeOperationError(this.getNode(), 'items must be a JSON array');
		}
		return [
			list.map((entry) => ({
				json: (entry !== null && typeof entry === 'object'
					? entry
					: { value: entry }) as IDataObject,
				pairedItem: { item: 0 },
			})),
		];
	}
}
