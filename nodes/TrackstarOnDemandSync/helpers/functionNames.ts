import type { INodePropertyOptions } from 'n8n-workflow';

export type IntegrationType = 'wms' | 'carrier';

interface FunctionInfo {
	label: string;
	apiName: string;
	description: string;
}

// The option name shows the API name as Trackstar spells it (e.g. "Orders (get_orders)"),
// so people can match it with Trackstar's docs and dashboard.
function toOptions(functions: FunctionInfo[]): INodePropertyOptions[] {
	return functions
		.map(({ label, apiName, description }) => ({ name: `${label} (${apiName})`, value: apiName, description }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const WMS_FUNCTIONS = toOptions([
	{ label: 'Bills', apiName: 'get_bills', description: 'Re-pull warehouse bills and fees for the window' },
	{
		label: 'Inbound Shipments',
		apiName: 'get_inbound_shipments',
		description: 'Re-pull inbound shipments (ASNs, purchase orders) for the window',
	},
	{
		label: 'Inventory Ledger',
		apiName: 'get_inventory_ledger',
		description: 'Re-pull inventory movements (receipts, adjustments, shipments) for the window',
	},
	{ label: 'Orders', apiName: 'get_orders', description: 'Re-pull orders created or updated in the window' },
	{ label: 'Products', apiName: 'get_products', description: 'Re-pull products created or updated in the window' },
	{ label: 'Returns', apiName: 'get_returns', description: 'Re-pull returns created or updated in the window' },
]);

export const CARRIER_FUNCTIONS = toOptions([
	{
		label: 'Invoice Line Items',
		apiName: 'get_invoice_line_items',
		description: 'Re-pull carrier invoice line items for the window',
	},
]);

// Trackstar enables functions per integration over time, so an expression may name one
// this list does not know; only the form is checked before the request.
const FUNCTION_NAME_FORM = /^[a-z][a-z0-9_]{2,63}$/;

export type FunctionNameProblem = { message: string; description: string } | undefined;

export function checkFunctionName(value: string): FunctionNameProblem {
	if (value === '') {
		return {
			message: 'The value is empty',
			description: 'Pick a function from the list, or give its API name, such as get_orders.',
		};
	}
	if (!FUNCTION_NAME_FORM.test(value)) {
		return {
			message: `"${value.slice(0, 40)}" is not a Trackstar function name`,
			description:
				'Function names are lower-case API names with underscores, such as get_orders or get_invoice_line_items.',
		};
	}
	if (value === 'get_inventory') {
		return {
			message: 'get_inventory cannot be synced on demand',
			description:
				'Inventory is always fetched as a full snapshot, so a time window would change nothing. Trackstar refreshes it with the regular connection sync (POST /connections/sync) or at the next scheduled sync.',
		};
	}
	return undefined;
}
