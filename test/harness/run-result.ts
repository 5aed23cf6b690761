import type { IDataObject, INodeExecutionData, IRun, ITaskData } from 'n8n-workflow';

export type RunStatus = 'success' | 'error' | 'canceled';

/** The parts of an n8n error a test asserts on. */
export interface ErrorSummary {
	message: string;
	description?: string;
	httpCode?: string;
	node?: string;
	name?: string;
}

export interface RunResult {
	status: RunStatus;
	/** The execution's error (for a canceled run, n8n's "cancelled" error). */
	error?: ErrorSummary;
	/** n8n's own record of the run, as the executions list stores it. */
	run: IRun;
	/** Whether the node ran at all. */
	ran(nodeName: string): boolean;
	/** JSON of every output of the node's last run, by output index. */
	outputs(nodeName: string): IDataObject[][];
	/** Items (with pairedItem) of one output of the node's last run. */
	items(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** JSON of one output of the node's last run. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error the node's last run stopped on, if it failed without Continue On Fail. */
	nodeError(nodeName: string): ErrorSummary | undefined;
}

interface ErrorLike {
	message?: string;
	description?: string | null;
	httpCode?: string | null;
	node?: { name?: string };
	name?: string;
}

export function summarizeError(error: ErrorLike | undefined): ErrorSummary | undefined {
	if (!error) return undefined;
	const summary: ErrorSummary = { message: String(error.message ?? error) };
	if (error.description) summary.description = error.description;
	if (error.httpCode) summary.httpCode = String(error.httpCode);
	if (error.node?.name) summary.node = error.node.name;
	if (error.name) summary.name = error.name;
	return summary;
}

export function buildRunResult(run: IRun, canceled: boolean): RunResult {
	const { runData } = run.data.resultData;
	const executionError = run.data.resultData.error;

	const lastTask = (nodeName: string): ITaskData => {
		const tasks = runData[nodeName];
		if (!tasks?.length) {
			const ran = Object.keys(runData).join(', ') || 'none';
			throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran})`);
		}
		return tasks[tasks.length - 1];
	};
	const items = (nodeName: string, outputIndex = 0) =>
		lastTask(nodeName).data?.main?.[outputIndex] ?? [];

	let status: RunStatus = 'success';
	if (canceled || run.status === 'canceled') status = 'canceled';
	else if (executionError || run.status === 'error' || run.status === 'crashed') status = 'error';

	return {
		status,
		error: summarizeError(executionError as ErrorLike | undefined),
		run,
		ran: (nodeName) => (runData[nodeName]?.length ?? 0) > 0,
		outputs: (nodeName) =>
			(lastTask(nodeName).data?.main ?? []).map((output) =>
				(output ?? []).map((item) => item.json),
			),
		items,
		json: (nodeName, outputIndex = 0) => items(nodeName, outputIndex).map((item) => item.json),
		nodeError: (nodeName) => summarizeError(lastTask(nodeName).error as ErrorLike | undefined),
	};
}
