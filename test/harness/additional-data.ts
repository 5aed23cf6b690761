import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { ExecutionLifecycleHooks } from './core';
import { ExternalSecretsProxy } from './core';

/** Where a local n8n would listen; nodes only build URLs from these, never call them. */
export const INSTANCE_BASE_URL = 'http://localhost:5678';

function unsupported(what: string): () => never {
	return () => {
		throw new Error(`${what} is not available in the test harness`);
	};
}

/**
 * The per-execution services n8n passes to nodes (n8n's WorkflowExecuteAdditionalData
 * getBase): hooks, credentials, instance URLs, variables. Anything that needs a real
 * n8n server (sub-workflows, the task runner for Code nodes) throws a clear error
 * instead of doing something half right.
 */
export function buildAdditionalData(params: {
	executionId: string;
	hooks: ExecutionLifecycleHooks;
	credentialsHelper: ICredentialsHelper;
	workflowId: string;
}): IWorkflowExecuteAdditionalData {
	const { executionId, hooks, credentialsHelper, workflowId } = params;
	return {
		executionId,
		hooks,
		credentialsHelper,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${INSTANCE_BASE_URL}/rest`,
		instanceBaseUrl: `${INSTANCE_BASE_URL}/`,
		formBaseUrl: `${INSTANCE_BASE_URL}/form`,
		formWaitingBaseUrl: `${INSTANCE_BASE_URL}/form-waiting`,
		formTestBaseUrl: `${INSTANCE_BASE_URL}/form-test`,
		webhookBaseUrl: `${INSTANCE_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${INSTANCE_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${INSTANCE_BASE_URL}/webhook-test`,
		mcpBaseUrl: `${INSTANCE_BASE_URL}/mcp`,
		mcpTestBaseUrl: `${INSTANCE_BASE_URL}/mcp-test`,
		// No external secrets vault: `$secrets` lists no providers.
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('The task runner (Code node)'),
	};
}
