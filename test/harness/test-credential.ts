import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	ICredentialsDecrypted,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	IRunExecutionData,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from './core';
import { CredentialStore } from './credential-store';
import { HarnessCredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { useInProcessExpressionEngine } from './expression-engine';
import { redactSecrets } from './redact';
import { NoOpStandIn } from './stand-ins';

export interface CredentialTestResult {
	status: INodeCredentialTestResult['status'];
	message: string;
}

export interface TestCredentialOptions {
	/** Extra credential types besides the package's own. */
	credentialTypes?: ICredentialType[];
}

const CREDENTIAL_ID = 'harness-credential';

interface RequestFailure {
	message?: string;
	cause?: { code?: string; response?: { status: number; statusText?: string } };
}

function valueAt(data: IDataObject, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>((value, part) => (value as IDataObject | undefined)?.[part], data);
}

/**
 * Runs a credential type's `test` request the way n8n's CredentialsTester does: a
 * throwaway No-Op node whose one property routes the test request, executed by
 * n8n-core's RoutingNode (which resolves `={{$credentials...}}` in baseURL, url and qs,
 * applies `authenticate` through the credentials helper and sends the request with
 * n8n-core's HTTP client); then the `rules` (responseCode on failure,
 * responseSuccessBody on success). Messages never contain the credential's secrets.
 */
export async function testCredential(
	data: ICredentialDataDecryptedObject,
	credentialTypeName = 'trackstarApi',
	options: TestCredentialOptions = {},
): Promise<CredentialTestResult> {
	useInProcessExpressionEngine();
	const credentialTypes = new HarnessCredentialTypes(options.credentialTypes);
	const credentialType = credentialTypes.getByName(credentialTypeName);
	const properties = new HarnessCredentialsHelper(credentialTypes).getCredentialsProperties(
		credentialTypeName,
	);
	const test = credentialType.test;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsHelper = new HarnessCredentialsHelper(
		credentialTypes,
		new CredentialStore({ [CREDENTIAL_ID]: data }),
	);
	const details = { id: CREDENTIAL_ID, name: 'Harness credential' };
	// As n8n does before testing: the stored data with the type's defaults filled in.
	const decrypted: ICredentialsDecrypted = {
		...details,
		type: credentialTypeName,
		data: await credentialsHelper.getDecrypted(
			{} as never,
			details,
			credentialTypeName,
			'internal',
		),
	};

	const result = await runTestRequest(test, credentialTypeName, decrypted, credentialsHelper);
	return { status: result.status, message: redactSecrets(result.message, data, properties) };
}

async function runTestRequest(
	test: ICredentialTestRequest,
	credentialTypeName: string,
	decrypted: ICredentialsDecrypted,
	credentialsHelper: HarnessCredentialsHelper,
): Promise<CredentialTestResult> {
	const base = new NoOpStandIn().description;
	const nodeType: INodeType = {
		description: {
			...base,
			credentials: [{ name: credentialTypeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialTypeName]: { id: decrypted.id, name: decrypted.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', {
		id: 'credential-test',
		name: 'Credential test',
		nodes: [node],
		connections: {},
	} as unknown as IWorkflowBase);
	const additionalData = buildAdditionalData({
		executionId: 'credential-test',
		hooks,
		credentialsHelper,
		workflowId: 'credential-test',
	});
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeType, decrypted).runNode();
	} catch (caught) {
		const error = caught as RequestFailure;
		const httpResponse = error.cause?.response;
		if (httpResponse) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && httpResponse.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (httpResponse.status < 200 || httpResponse.status > 299) {
				return {
					status: 'Error',
					message: httpResponse.statusText || `Received HTTP status code: ${httpResponse.status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message ?? caught) };
	}

	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json ?? {};
		if (valueAt(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
