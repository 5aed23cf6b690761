import type { INodeProperties } from 'n8n-workflow';

export function syncJobIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Sync Job ID',
		name: 'syncJobId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. odsj_0123456789abcdef',
		description: 'The ID of the on-demand sync job, as returned by Create',
		displayOptions: { show: { operation: operations } },
	};
}
