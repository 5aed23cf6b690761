import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IRun,
	IWorkflowBase,
	IWorkflowSettings,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { ExecutionLifecycleHooks, WorkflowExecute } from './core';
import { CredentialStore } from './credential-store';
import { HarnessCredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { useInProcessExpressionEngine } from './expression-engine';
import type { NodeTypeLike } from './node-types';
import { HarnessNodeTypes } from './node-types';
import type { RunResult } from './run-result';
import { buildRunResult } from './run-result';
import { pickStartNode } from './start-node';
import type { WorkflowJson } from './workflow-json';
import { cloneNodes } from './workflow-json';

/** n8n's instance default when GENERIC_TIMEZONE is not set. */
export const DEFAULT_TIMEZONE = 'America/New_York';

/** After Stop, how long to let the running node wind down before returning anyway. */
const CANCEL_GRACE_MS = 1_000;

export interface RunControl {
	/** Stops the execution, like the Stop button: nodes see their cancel signal fire. */
	stop(): void;
}

export interface RunWorkflowOptions {
	/** Plain credential data, keyed by credential id (as in the node's `credentials`) or type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The instance timezone (GENERIC_TIMEZONE); the workflow's own setting still wins. */
	timezone?: string;
	/** Node to start from; default: the trigger. */
	startNode?: string;
	/** Press Stop after this many ms. */
	stopAfterMs?: number;
	/** Called once the run has started, with a handle to stop it. */
	onStarted?: (control: RunControl) => void;
	/** Safety net: stop the run and reject if it has not ended after this many ms (default 60 s). */
	timeoutMs?: number;
	/** A node types registry, or extra node types (e.g. fixtures) to add to the default one. */
	nodeTypes?: HarnessNodeTypes | Record<string, NodeTypeLike>;
	/** Extra credential types besides the package's own. */
	credentialTypes?: ICredentialType[];
}

let executionCounter = 0;

function settingsWithTimezone(settings: IWorkflowSettings | undefined, timezone: string) {
	const merged: IWorkflowSettings = { ...(settings ?? {}) };
	// n8n stores "DEFAULT" for "use the instance timezone".
	if (!merged.timezone || merged.timezone === 'DEFAULT') merged.timezone = timezone;
	return merged;
}

/**
 * Runs a workflow (JSON as n8n saves it) in this process with n8n-core's WorkflowExecute,
 * in manual mode, as pressing "Execute workflow" does.
 */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<RunResult> {
	useInProcessExpressionEngine();
	const nodeTypes =
		options.nodeTypes instanceof HarnessNodeTypes
			? options.nodeTypes
			: new HarnessNodeTypes(options.nodeTypes ?? {});
	const credentialsHelper = new HarnessCredentialsHelper(
		new HarnessCredentialTypes(options.credentialTypes),
		new CredentialStore(options.credentials),
	);

	const executionId = String(++executionCounter);
	const workflowId = workflowJson.id ?? `harness-workflow-${executionId}`;
	const nodes = cloneNodes(workflowJson);
	const settings = settingsWithTimezone(
		workflowJson.settings,
		options.timezone ?? DEFAULT_TIMEZONE,
	);
	const workflow = new Workflow({
		id: workflowId,
		name: workflowJson.name,
		nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes,
		settings,
		pinData: workflowJson.pinData,
	});
	const startNode = pickStartNode(workflow, options.startNode);

	const workflowData = {
		id: workflowId,
		name: workflowJson.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		nodes,
		connections: workflowJson.connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);

	// The engine reports the end through the workflowExecuteAfter hook. That is also
	// the only report after Stop: the run's own promise then settles only once the
	// running node returns, which a node ignoring its cancel signal may never do.
	let finish!: (run: IRun) => void;
	let fail!: (error: Error) => void;
	let done = false;
	const ended = new Promise<IRun>((resolve, reject) => {
		finish = (run) => {
			done = true;
			resolve(run);
		};
		fail = (error) => {
			done = true;
			reject(error);
		};
	});
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));

	const additionalData = buildAdditionalData({ executionId, hooks, credentialsHelper, workflowId });
	const execution = new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode,
		pinData: workflowJson.pinData,
	});
	execution.then(finish, fail);

	let canceled = false;
	const control: RunControl = {
		stop() {
			// Stop after the end changes nothing, as in n8n.
			if (canceled || done) return;
			canceled = true;
			execution.cancel();
		},
	};
	let timedOut = false;
	const timers: NodeJS.Timeout[] = [];
	if (options.stopAfterMs !== undefined) timers.push(setTimeout(control.stop, options.stopAfterMs));
	timers.push(
		setTimeout(() => {
			timedOut = true;
			control.stop();
		}, options.timeoutMs ?? 60_000),
	);
	options.onStarted?.(control);

	try {
		let run = await ended;
		if (canceled) {
			// Give a node that honours the signal time to return, and prefer the engine's
			// final record (which then includes that node's task) if it arrives.
			const grace = new Promise<undefined>((resolve) =>
				timers.push(setTimeout(() => resolve(undefined), CANCEL_GRACE_MS)),
			);
			run = (await Promise.race([execution.catch(() => undefined), grace])) ?? run;
		}
		if (timedOut) {
			throw new Error(
				`Workflow "${workflowJson.name ?? workflowId}" did not finish within ${options.timeoutMs ?? 60_000} ms and was stopped`,
			);
		}
		return buildRunResult(run, canceled);
	} finally {
		for (const timer of timers) clearTimeout(timer);
	}
}
