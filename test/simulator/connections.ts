// The fixed set of connections the simulator knows. Values are fake and public on
// purpose: the demo prints them and e2e runs store them as n8n credentials.

export const SIM_CREDENTIALS = Object.freeze({
	apiKey: 'sim_api_key_full',
	readOnlyApiKey: 'sim_api_key_readonly',
	wmsAccessToken: 'sim_token_wms',
	carrierAccessToken: 'sim_token_carrier',
	cartAccessToken: 'sim_token_cart',
});

export interface SimConnection {
	connection_id: string;
	integration_name: string;
	integration_type: 'wms' | 'carrier' | 'cart';
	accessToken: string;
	enabledFunctions: readonly string[];
	created_at: string;
}

// Mirrors the public on-demand sync page: cart has nothing enabled.
export const SIM_CONNECTIONS: readonly SimConnection[] = Object.freeze([
	{
		connection_id: 'conn_wms_1',
		integration_name: 'shipbob',
		integration_type: 'wms',
		accessToken: SIM_CREDENTIALS.wmsAccessToken,
		enabledFunctions: [
			'get_products',
			'get_orders',
			'get_inbound_shipments',
			'get_returns',
			'get_bills',
			'get_inventory_ledger',
		],
		created_at: '2025-06-01T09:00:00Z',
	},
	{
		connection_id: 'conn_carrier_1',
		integration_name: 'ups',
		integration_type: 'carrier',
		accessToken: SIM_CREDENTIALS.carrierAccessToken,
		enabledFunctions: ['get_invoice_line_items'],
		created_at: '2025-06-02T09:00:00Z',
	},
	{
		connection_id: 'conn_cart_1',
		integration_name: 'shopify',
		integration_type: 'cart',
		accessToken: SIM_CREDENTIALS.cartAccessToken,
		enabledFunctions: [],
		created_at: '2025-06-03T09:00:00Z',
	},
]);

export type KeyAccess = 'full' | 'readOnly';

export function apiKeyAccess(apiKey: string | undefined): KeyAccess | undefined {
	if (apiKey === SIM_CREDENTIALS.apiKey) return 'full';
	if (apiKey === SIM_CREDENTIALS.readOnlyApiKey) return 'readOnly';
	return undefined;
}

export function connectionForToken(token: string | undefined): SimConnection | undefined {
	if (token === undefined) return undefined;
	return SIM_CONNECTIONS.find((c) => c.accessToken === token);
}

// What GET /connections shows: never the token, never the simulator's own bookkeeping.
export function publicConnection(c: SimConnection) {
	return {
		connection_id: c.connection_id,
		integration_name: c.integration_name,
		integration_type: c.integration_type,
		sync_schedules: [],
		created_at: c.created_at,
	};
}
