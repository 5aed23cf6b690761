import type { IDataObject } from 'n8n-workflow';

import { NODE, runTrackstar, useSimulator } from './support';

const ctx = useSimulator();

interface Row {
	what: string;
	/** The item fed to the node; parameters read from it through expressions. */
	item: IDataObject;
	message: RegExp;
}

/** Every parameter comes from the item, so one run checks a whole table. */
const customCreate: IDataObject = {
	operation: 'create',
	integrationType: 'wms',
	functionName: '={{ $json.functionName ?? "get_orders" }}',
	timeWindow: 'custom',
	startTime: '={{ $json.startTime === undefined ? "2026-11-01T00:00:00Z" : $json.startTime }}',
	endTime: '={{ $json.endTime === undefined ? "2026-11-02T00:00:00Z" : $json.endTime }}',
};

const customRows: Row[] = [
	{ what: 'empty function name', item: { functionName: '' }, message: /^Function Name: The value is empty \[item \d+\]$/ },
	{ what: 'upper-case function name', item: { functionName: 'GET_ORDERS' }, message: /^Function Name: "GET_ORDERS" is not a Trackstar function name/ },
	{ what: 'function name with a space', item: { functionName: 'get orders' }, message: /^Function Name: "get orders" is not a Trackstar function name/ },
	{ what: 'function name with a slash', item: { functionName: 'get_orders/../x' }, message: /is not a Trackstar function name/ },
	{ what: 'get_inventory', item: { functionName: 'get_inventory' }, message: /^Function Name: get_inventory cannot be synced on demand/ },
	{ what: 'function name as a number', item: { functionName: 42 }, message: /^Function Name: The value is a number, not text/ },
	{ what: 'empty start', item: { startTime: '' }, message: /^Start Time: The value is empty/ },
	{ what: 'start as words', item: { startTime: 'yesterday' }, message: /^Start Time: "yesterday" is not a valid date and time/ },
	{ what: 'end with month 13', item: { endTime: '2026-13-01T00:00:00Z' }, message: /^End Time: .*not a valid date and time/ },
	{ what: 'start after end', item: { startTime: '2026-11-03T00:00:00Z' }, message: /^End Time: The end \(2026-11-02T00:00:00Z\) must be after the start \(2026-11-03T00:00:00Z\)/ },
	{ what: 'start equal to end', item: { startTime: '2026-11-02T00:00:00Z' }, message: /^End Time: The end .* must be after the start/ },
	{ what: 'start in the future', item: { startTime: '2099-01-01T00:00:00Z', endTime: '2099-01-02T00:00:00Z' }, message: /^Start Time: The start \(2099-01-01T00:00:00Z\) is in the future/ },
	{ what: 'end far in the future', item: { endTime: '2099-01-02T00:00:00Z' }, message: /^End Time: The end \(2099-01-02T00:00:00Z\) is in the future/ },
	{ what: 'start as a boolean', item: { startTime: true }, message: /^Start Time: The value is the boolean true, not a date/ },
	{ what: 'start as an object', item: { startTime: { day: 1 } }, message: /^Start Time: The value is an object, not a date/ },
	{ what: 'start in epoch seconds', item: { startTime: 1764547200 }, message: /^Start Time: .*looks like epoch seconds/ },
	{ what: 'start as a bare year', item: { startTime: '2025' }, message: /^Start Time: "2025" is not a valid date and time/ },
	{ what: 'start before 2000', item: { startTime: '1999-12-31T00:00:00Z' }, message: /^Start Time: 1999-12-31T00:00:00Z is before 2000-01-01/ },
];

const lastPeriod: IDataObject = {
	operation: 'create',
	integrationType: 'wms',
	functionName: 'get_orders',
	timeWindow: 'lastPeriod',
	lastAmount: '={{ $json.lastAmount === undefined ? 1 : $json.lastAmount }}',
	lastUnit: '={{ $json.lastUnit ?? "days" }}',
};

const lastRows: Row[] = [
	{ what: 'amount 0', item: { lastAmount: 0 }, message: /^Last Amount: The amount 0 is less than 1/ },
	{ what: 'negative amount', item: { lastAmount: -3 }, message: /^Last Amount: .*-3/ },
	{ what: 'fractional amount', item: { lastAmount: 1.5 }, message: /^Last Amount: .*1\.5/ },
	{ what: 'amount as words', item: { lastAmount: 'abc' }, message: /^Last Amount: The amount "abc" is not a number/ },
	{ what: 'amount over the limit', item: { lastAmount: 100000, lastUnit: 'hours' }, message: /^Last Amount: / },
	{ what: 'unit months', item: { lastUnit: 'months' }, message: /^Last Unit: The unit "months"/ },
];

const previousRows: Row[] = [{ what: 'unit year', item: { previousUnit: 'year' }, message: /^Previous: The unit "year"/ }];

const syncJobIdRows: Row[] = [
	{ what: 'empty ID', item: { id: '' }, message: /^Sync Job ID: The value is empty \[item \d+\]$/ },
	{ what: 'blank ID', item: { id: '   ' }, message: /^Sync Job ID: The value is empty/ },
	{ what: 'ID with a slash', item: { id: 'odsj_1/cancel' }, message: /^Sync Job ID: "odsj_1\/cancel" is not a sync job ID/ },
	{ what: 'ID climbing paths', item: { id: '../connections' }, message: /^Sync Job ID: "..\/connections" is not a sync job ID/ },
	{ what: 'ID with a query', item: { id: 'odsj_1?x=1' }, message: /is not a sync job ID/ },
	{ what: 'ID as an object', item: { id: { id: 'odsj_1' } }, message: /^Sync Job ID: The value is an object, not text/ },
];

const waitRows: Row[] = [
	{ what: 'timeout 0', item: { id: 'odsj_1', timeout: 0 }, message: /^Timeout \(Seconds\): 0 is not a number of seconds from 1 to 86400/ },
	{ what: 'timeout as words', item: { id: 'odsj_1', timeout: 'soon' }, message: /^Timeout \(Seconds\): "soon" is not a number of seconds/ },
	{ what: 'timeout above a day', item: { id: 'odsj_1', timeout: 90000 }, message: /^Timeout \(Seconds\): 90000 is not/ },
];

async function expectTable(parameters: IDataObject, rows: Row[]) {
	const result = await runTrackstar(ctx.sim, {
		parameters,
		items: rows.map((row) => row.item),
		onError: 'continueRegularOutput',
	});
	expect(result.status).toBe('success');
	const items = result.items(NODE);
	expect(items).toHaveLength(rows.length);
	rows.forEach((row, index) => {
		expect({ what: row.what, error: items[index].json.error }).toEqual({ what: row.what, error: expect.stringMatching(row.message) });
		expect(String(items[index].json.error)).toContain(`[item ${index}]`);
		expect(items[index].pairedItem).toEqual({ item: index });
	});
	// Not a single request left the node.
	expect(ctx.sim.requests).toEqual([]);
}

describe('Bad input is refused before any request, naming the field and the item', () => {
	it('counts at least 25 cases', () => {
		expect(customRows.length + lastRows.length + previousRows.length + syncJobIdRows.length + waitRows.length).toBeGreaterThanOrEqual(25);
	});

	it('Create, custom window', async () => {
		await expectTable(customCreate, customRows);
	});

	it('Create, last period', async () => {
		await expectTable(lastPeriod, lastRows);
	});

	it('Create, previous period', async () => {
		await expectTable(
			{ operation: 'create', integrationType: 'wms', functionName: 'get_orders', timeWindow: 'previousPeriod', previousUnit: '={{ $json.previousUnit }}' },
			previousRows,
		);
	});

	it.each(['get', 'cancel', 'waitUntilComplete'])('%s: Sync Job ID', async (operation) => {
		await expectTable({ operation, syncJobId: '={{ $json.id }}' }, syncJobIdRows);
	});

	it('Wait Until Complete: timeout', async () => {
		await expectTable({ operation: 'waitUntilComplete', syncJobId: '={{ $json.id }}', timeout: '={{ $json.timeout }}' }, waitRows);
	});

	it('points "Custom API Call" (added by n8n) to the HTTP Request node', async () => {
		const result = await runTrackstar(ctx.sim, { parameters: { operation: '__CUSTOM_API_CALL__' } });
		expect(result.error?.message).toBe('Custom API calls are made with the HTTP Request node');
		expect(result.error?.description).toContain('Predefined Credential Type');
		expect(ctx.sim.requests).toEqual([]);
	});

	it('an invalid workflow timezone is named', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: { operation: 'create', integrationType: 'wms', functionName: 'get_orders', timeWindow: 'previousPeriod', previousUnit: 'day' },
			timezone: 'Mars/Olympus_Mons',
		});
		expect(result.error?.message).toMatch(/^Time Window: The time zone "?Mars\/Olympus_Mons"? is not a valid IANA time zone/);
		expect(ctx.sim.requests).toEqual([]);
	});

	it('without Continue On Fail, one bad item stops the node before any item is sent', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: customCreate,
			items: [{}, {}, { functionName: 'get_inventory' }],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Function Name: get_inventory cannot be synced on demand [item 2]');
		expect(result.error?.description).toContain('full snapshot');
		expect(ctx.sim.requests).toEqual([]);
	});

	it('with Continue On Fail, the good items still run', async () => {
		const result = await runTrackstar(ctx.sim, {
			parameters: customCreate,
			items: [{}, { functionName: 'get_inventory' }, { functionName: 'get_returns' }],
			onError: 'continueRegularOutput',
		});
		const json = result.json(NODE);
		expect(json[0].status).toBe('open');
		expect(json[1].error).toContain('get_inventory cannot be synced on demand');
		expect(json[2]).toMatchObject({ status: 'open', function_name: 'get_returns' });
		expect(ctx.sim.jobs()).toHaveLength(2);
	});
});
