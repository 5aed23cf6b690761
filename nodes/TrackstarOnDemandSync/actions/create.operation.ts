import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { CARRIER_FUNCTIONS, checkFunctionName, WMS_FUNCTIONS, type IntegrationType } from '../helpers/functionNames';
import { describeType, parameterError, readBoolean } from '../helpers/parameters';
import { resolveTimeWindow, TimeWindowError, type ResolvedWindow } from '../helpers/timeWindow';
import { createSyncJob } from '../transport';
import { readWaitSettings, waitingFields, type WaitSettings } from '../wait/waitSettings';
import type { ItemResult, NodeRun, Operation } from './types';

const show = { operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Integration Type',
		name: 'integrationType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'WMS', value: 'wms', description: 'Warehouse management system connections' },
			{ name: 'Carrier', value: 'carrier', description: 'Shipping carrier connections' },
		],
		default: 'wms',
		description: 'The kind of integration behind the connection of the credential\'s access token',
		displayOptions: { show },
	},
	// One parameter per integration type, each shown for its type: per-option
	// displayOptions would be neater but n8n 1.x editors do not honour them.
	{
		displayName: 'Function Name',
		name: 'functionName',
		type: 'options',
		options: WMS_FUNCTIONS,
		default: 'get_orders',
		description: 'The data to re-pull for the window',
		displayOptions: { show: { ...show, integrationType: ['wms'] } },
	},
	{
		displayName: 'Function Name',
		name: 'functionName',
		type: 'options',
		options: CARRIER_FUNCTIONS,
		default: 'get_invoice_line_items',
		description: 'The data to re-pull for the window',
		displayOptions: { show: { ...show, integrationType: ['carrier'] } },
	},
	{
		displayName: 'Time Window',
		name: 'timeWindow',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Previous Period',
				value: 'previousPeriod',
				description: 'The last full day, week or month in the workflow\'s timezone',
			},
			{
				name: 'Last Period',
				value: 'lastPeriod',
				description: 'From a number of hours, days or weeks ago until now',
			},
			{ name: 'Custom', value: 'custom', description: 'Pick the start and end yourself' },
		],
		default: 'previousPeriod',
		description: 'Which stretch of time Trackstar should re-pull',
		displayOptions: { show },
	},
	{
		displayName: 'Previous',
		name: 'previousUnit',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day', description: 'Yesterday, midnight to midnight' },
			{ name: 'Week', value: 'week', description: 'Last week, Monday to Monday' },
			{ name: 'Month', value: 'month', description: 'Last calendar month' },
		],
		default: 'day',
		description: 'Calendar period before the current one, in the workflow\'s timezone',
		displayOptions: { show: { ...show, timeWindow: ['previousPeriod'] } },
	},
	{
		displayName: 'Last Amount',
		name: 'lastAmount',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'How many hours, days or weeks back from now',
		displayOptions: { show: { ...show, timeWindow: ['lastPeriod'] } },
	},
	{
		displayName: 'Last Unit',
		name: 'lastUnit',
		type: 'options',
		options: [
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
			{ name: 'Weeks', value: 'weeks' },
		],
		default: 'days',
		displayOptions: { show: { ...show, timeWindow: ['lastPeriod'] } },
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'Start of the window. A value without a timezone is read in the workflow\'s timezone.',
		displayOptions: { show: { ...show, timeWindow: ['custom'] } },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the window; must be after the start',
		displayOptions: { show: { ...show, timeWindow: ['custom'] } },
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to keep the workflow here until Trackstar finishes the job, then output the finished job',
		displayOptions: { show },
	},
	...waitingFields({ operation: ['create'], waitForCompletion: [true] }),
];

const WINDOW_FIELDS: Record<string, string> = {
	startTime: 'Start Time',
	endTime: 'End Time',
	lastAmount: 'Last Amount',
	lastUnit: 'Last Unit',
	previousUnit: 'Previous',
	timeWindow: 'Time Window',
};

export interface CreateParams {
	functionName: string;
	window: ResolvedWindow;
	wait?: WaitSettings;
}

function readFunctionName(ctx: IExecuteFunctions, itemIndex: number): string {
	const integrationType = ctx.getNodeParameter('integrationType', itemIndex, 'wms') as IntegrationType;
	const raw: unknown = ctx.getNodeParameter('functionName', itemIndex, '');
	const fix = `Pick one of the ${integrationType === 'carrier' ? 'Carrier' : 'WMS'} functions, or give an API name such as get_orders.`;
	if (typeof raw !== 'string') {
		throw parameterError(ctx, itemIndex, 'Function Name', `The value is ${describeType(raw)}, not text`, fix);
	}
	const value = raw.trim();
	const problem = checkFunctionName(value);
	if (problem) throw parameterError(ctx, itemIndex, 'Function Name', problem.message, problem.description);
	return value;
}

// The window maths is pure and reports bad values as TimeWindowError; anything else it
// throws is still about the window, so it is reported the same way.
function resolveOrExplain(resolve: () => ResolvedWindow): ResolvedWindow | TimeWindowError {
	try {
		return resolve();
	} catch (error) {
		return error instanceof TimeWindowError ? error : new TimeWindowError('timeWindow', (error as Error).message);
	}
}

function readWindow(ctx: IExecuteFunctions, itemIndex: number): ResolvedWindow {
	const mode = ctx.getNodeParameter('timeWindow', itemIndex, 'previousPeriod') as string;
	const param = (name: string) => ctx.getNodeParameter(name, itemIndex, undefined);
	const window = resolveOrExplain(() =>
		resolveTimeWindow(
			{
				mode,
				startTime: mode === 'custom' ? param('startTime') : undefined,
				endTime: mode === 'custom' ? param('endTime') : undefined,
				lastAmount: mode === 'lastPeriod' ? param('lastAmount') : undefined,
				lastUnit: mode === 'lastPeriod' ? param('lastUnit') : undefined,
				previousUnit: mode === 'previousPeriod' ? param('previousUnit') : undefined,
			},
			ctx.getTimezone(),
			DateTime.now(),
		),
	);
	if (!(window instanceof TimeWindowError)) return window;
	throw parameterError(
		ctx,
		itemIndex,
		WINDOW_FIELDS[window.field] ?? 'Time Window',
		window.message,
		"Times without a timezone are read in the workflow's timezone (Workflow Settings).",
	);
}

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): CreateParams {
	const functionName = readFunctionName(ctx, itemIndex);
	const window = readWindow(ctx, itemIndex);
	const waitForCompletion = readBoolean(ctx, itemIndex, 'waitForCompletion', 'Wait for Completion', false);
	return {
		functionName,
		window,
		wait: waitForCompletion ? readWaitSettings(ctx, itemIndex) : undefined,
	};
}

export async function execute(
	ctx: IExecuteFunctions,
	params: CreateParams,
	itemIndex: number,
	run: NodeRun,
): Promise<ItemResult> {
	const job = await createSyncJob(
		ctx,
		{ start_time: params.window.startIso, end_time: params.window.endIso, function_name: params.functionName },
		itemIndex,
	);
	if (!params.wait) return { json: job, output: 0 };
	return await run.waitRun.waitFor(job, params.wait, itemIndex);
}

export const create: Operation<CreateParams> = {
	description,
	readParameters,
	execute,
	waits: (params) => params.wait !== undefined,
};
