import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	INodeCredentialsDetails,
} from 'n8n-workflow';
import { ICredentials } from 'n8n-workflow';

/**
 * Plain (never encrypted) credential data a test passes in, keyed by credential id or
 * by credential type name. n8n looks credentials up by the id a node stores; accepting
 * the type name too lets a test skip inventing ids. The id wins when both match.
 */
export class CredentialStore {
	private readonly entries: Map<string, ICredentialDataDecryptedObject>;

	constructor(entries: Record<string, ICredentialDataDecryptedObject> = {}) {
		this.entries = new Map(Object.entries(entries).map(([key, data]) => [key, { ...data }]));
	}

	key(nodeCredentials: INodeCredentialsDetails, type: string): string | undefined {
		if (nodeCredentials.id && this.entries.has(nodeCredentials.id)) return nodeCredentials.id;
		return this.entries.has(type) ? type : undefined;
	}

	/** A copy, so a node that changes what it got cannot change the next lookup. */
	get(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): ICredentialDataDecryptedObject | undefined {
		const key = this.key(nodeCredentials, type);
		return key === undefined ? undefined : { ...this.entries.get(key) };
	}

	set(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): void {
		this.entries.set(this.key(nodeCredentials, type) ?? nodeCredentials.id ?? type, { ...data });
	}

	/** Every stored value, for redacting messages. */
	values(): ICredentialDataDecryptedObject[] {
		return [...this.entries.values()];
	}
}

/** n8n's ICredentials over plain data: what `getCredentials` hands to n8n-core. */
export class PlainCredentials extends ICredentials {
	private plain: ICredentialDataDecryptedObject;

	constructor(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		super(details, type);
		this.plain = { ...data };
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.plain };
	}

	getDataToSave(): ICredentialsEncrypted {
		// Nothing is persisted in the harness; report no encrypted payload.
		return { id: this.id, name: this.name, type: this.type, data: undefined };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.plain = { ...data };
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const next = { ...this.plain, ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete next[key];
		this.plain = next;
	}
}
