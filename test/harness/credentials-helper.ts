import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

import { CredentialStore, PlainCredentials } from './credential-store';
import type { HarnessCredentialTypes } from './credential-types';

// Expressions in a credential (its `authenticate` block, or `={{...}}` values) are
// resolved the way n8n's CredentialsHelper does: through a Workflow's expression
// object, with `$credentials` as an additional key. Outside a run there is no
// workflow, so a node-less one stands in (n8n uses a mock node the same way).
const expressionNode: INode = {
	id: 'harness-credentials',
	name: 'Harness credentials',
	type: 'harness.credentials',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function standaloneWorkflow(): Workflow {
	return new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => ({ description: { properties: [] } }) as never,
			getByNameAndVersion: () => ({ description: { properties: [] } }) as never,
			getKnownTypes: () => ({}),
		},
	});
}

/**
 * n8n-core's ICredentialsHelper over credentials a test passes in as plain data.
 * Nothing here logs: credential values must never reach a log line.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: HarnessCredentialTypes,
		readonly store: CredentialStore = new CredentialStore(),
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const type = this.credentialTypes.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		const shortName = nodeType.slice(nodeType.lastIndexOf('.') + 1);
		return (type.supportedNodes ?? []).some((node) => node === nodeType || node === shortName);
	}

	/** The type's properties, parents' first and the type's own winning (n8n's merge). */
	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialTypes.getByName(type);
		if (!credentialType.extends) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<PlainCredentials> {
		return new PlainCredentials(nodeCredentials, type, this.lookup(nodeCredentials, type));
	}

	/**
	 * The stored data with the type's defaults filled in for missing fields (as n8n's
	 * applyDefaultsAndOverwrites does) and `={{...}}` values resolved; `raw` skips both.
	 */
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.lookup(nodeCredentials, type);
		if (raw) return data;
		return this.resolveExpressions(this.withDefaults(data, type), mode, expressionResolveValues);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(nodeCredentials, type, data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(nodeCredentials, type, { ...this.lookup(nodeCredentials, type), ...data });
	}

	/**
	 * Applies the credential type's `authenticate`: a function is called; a generic block
	 * has its keys and values (`={{$credentials.x}}`) resolved and merged into the
	 * request's headers / qs / body / auth, as n8n's CredentialsHelper does.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;

		const context = workflow ?? standaloneWorkflow();
		const resolve = (value: unknown): unknown => {
			if (typeof value !== 'string' || !isExpression(value)) return value;
			const resolved = context.expression.getSimpleParameterValue(
				node ?? expressionNode,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? resolved.toString() : '';
		};

		requestOptions.headers ??= {};
		const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				target[section] ??= {};
				target[section][resolve(key) as string] = resolve(value);
			}
		}
		return requestOptions;
	}

	/**
	 * n8n's rule: a type with a hidden `expirable` property and a `preAuthentication`
	 * function gets it called when that property is empty or the server said it expired;
	 * the result is stored and merged into the credentials.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details) await this.updateCredentials(details, typeName, { ...credentials, ...output });
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.credentialTypes.getByName(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		const output = await preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	private lookup(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): ICredentialDataDecryptedObject {
		const data = this.store.get(nodeCredentials, type);
		if (!data) {
			// Same wording as n8n's CredentialNotFoundError.
			throw new Error(
				`Credential with ID "${nodeCredentials.id ?? ''}" does not exist for type "${type}".`,
			);
		}
		return data;
	}

	private withDefaults(
		data: ICredentialDataDecryptedObject,
		type: string,
	): ICredentialDataDecryptedObject {
		const filled = { ...data };
		for (const property of this.getCredentialsProperties(type)) {
			if (filled[property.name] === undefined && property.default !== undefined) {
				filled[property.name] = property.default as ICredentialDataDecryptedObject[string];
			}
		}
		return filled;
	}

	private resolveExpressions(
		data: ICredentialDataDecryptedObject,
		mode: WorkflowExecuteMode,
		values?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		if (!Object.values(data).some((value) => isExpression(value))) return data;
		const workflow = values?.workflow ?? standaloneWorkflow();
		return workflow.expression.getComplexParameterValue(
			values?.node ?? expressionNode,
			data as INodeParameters,
			mode,
			{},
			undefined,
			undefined,
			data,
		) as ICredentialDataDecryptedObject;
	}
}
