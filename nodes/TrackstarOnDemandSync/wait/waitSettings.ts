import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBoolean, readSeconds } from '../helpers/parameters';

export interface WaitSettings {
	timeoutMs: number;
	maxPollIntervalMs: number;
	cancelOnTimeout: boolean;
	cancelOnStop: boolean;
	routeByOutcome: boolean;
}

export const DEFAULT_TIMEOUT_SECONDS = 3600;
export const DEFAULT_MAX_POLL_INTERVAL_SECONDS = 60;

/** The fields shown wherever the node waits (Wait Until Complete, Create with waiting). */
export function waitingFields(show: IDisplayOptions['show']): INodeProperties[] {
	return [
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 86400 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description:
				'How long to wait for the job before giving up. n8n Cloud may stop executions sooner, so keep it below your plan\'s execution limit.',
			displayOptions: { show },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Cancel Job on Timeout',
					name: 'cancelOnTimeout',
					type: 'boolean',
					default: true,
					description:
						'Whether to cancel the job when the timeout is reached. An open on-demand job pauses the connection\'s scheduled syncs, so a job nobody watches should not stay open.',
				},
				{
					displayName: 'Cancel Job When Execution Is Stopped',
					name: 'cancelOnStop',
					type: 'boolean',
					default: true,
					description: 'Whether to cancel the job (best effort) when someone stops the execution while it waits',
				},
				{
					displayName: 'Longest Poll Interval (Seconds)',
					name: 'maxPollInterval',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 3600 },
					default: DEFAULT_MAX_POLL_INTERVAL_SECONDS,
					description:
						'Checks start a second after the job and grow with the time already waited, up to this interval. Lower means quicker notice of long jobs, at the cost of more API calls.',
				},
				{
					displayName: 'Route by Outcome',
					name: 'routeByOutcome',
					type: 'boolean',
					default: false,
					description:
						'Whether to give the node two outputs, Completed and Not Completed, instead of failing when a job is cancelled, stuck or times out',
				},
			],
		},
	];
}

export function readWaitSettings(ctx: IExecuteFunctions, itemIndex: number): WaitSettings {
	const timeout = readSeconds(ctx, itemIndex, 'timeout', 'Timeout (Seconds)', DEFAULT_TIMEOUT_SECONDS, { min: 1, max: 86400 });
	const maxPollInterval = readSeconds(
		ctx,
		itemIndex,
		'maxPollInterval',
		'Longest Poll Interval (Seconds)',
		DEFAULT_MAX_POLL_INTERVAL_SECONDS,
		{ min: 1, max: 3600 },
		'options',
	);
	return {
		timeoutMs: Math.round(timeout * 1000),
		maxPollIntervalMs: Math.round(maxPollInterval * 1000),
		cancelOnTimeout: readBoolean(ctx, itemIndex, 'cancelOnTimeout', 'Cancel Job on Timeout', true, 'options'),
		cancelOnStop: readBoolean(ctx, itemIndex, 'cancelOnStop', 'Cancel Job When Execution Is Stopped', true, 'options'),
		routeByOutcome: readBoolean(ctx, itemIndex, 'routeByOutcome', 'Route by Outcome', false, 'options'),
	};
}
