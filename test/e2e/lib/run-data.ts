// Reading what `n8n execute --rawOutput` prints. Both 1.x and 2.x print
// JSON.stringify(run, null, 2) through the logger (so it needs N8N_LOG_LEVEL=info or
// lower), among other log lines: a line that is exactly "{" opens it and the next line
// that is exactly "}" closes it. A failed execution prints the same object after
// "Execution error:" and exits 1.

export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
	[key: string]: unknown;
}

export interface NodeRun {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<RunItem[] | null> };
	error?: { message?: string; description?: string; [key: string]: unknown };
	[key: string]: unknown;
}

/** The IRun object n8n prints (only the parts tests look at are typed). */
export interface RunResult {
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: { message?: string; [key: string]: unknown };
		};
		[key: string]: unknown;
	};
	mode?: string;
	status?: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
	[key: string]: unknown;
}

/** Finds the last top-level run object in n8n's stdout, or undefined if none parses. */
export function parseRunOutput(stdout: string): RunResult | undefined {
	const lines = stdout.split(/\r?\n/);
	let found: RunResult | undefined;
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n'));
				if (parsed?.data?.resultData) {
					found = parsed as RunResult;
					start = end;
				}
			} catch {
				// A nested "}" line that is not the end; keep looking.
				continue;
			}
			break;
		}
	}
	return found;
}

/** Every run of a node (a node runs more than once in loops); throws if it never ran. */
export function nodeRuns(result: RunResult, nodeName: string): NodeRun[] {
	const runs = result.data.resultData.runData[nodeName];
	if (!runs) {
		const ran = Object.keys(result.data.resultData.runData).join(', ');
		throw new Error(`node "${nodeName}" did not run (ran: ${ran})`);
	}
	return runs;
}

/** Items per output index of one run of a node: outputs[0] is the first output. */
export function nodeOutputs(result: RunResult, nodeName: string, runIndex = 0): RunItem[][] {
	const run = nodeRuns(result, nodeName)[runIndex];
	if (!run) throw new Error(`node "${nodeName}" has no run ${runIndex}`);
	return (run.data?.main ?? []).map((items) => items ?? []);
}

/** The `json` of each item on one output of a node. */
export function nodeItems(result: RunResult, nodeName: string, outputIndex = 0, runIndex = 0): Array<Record<string, unknown>> {
	return (nodeOutputs(result, nodeName, runIndex)[outputIndex] ?? []).map((item) => item.json);
}
