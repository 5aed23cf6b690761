import type { ICredentialType } from 'n8n-workflow';

import { credentialFiles, instantiateExport } from './package-files';

/**
 * Credential types the harness knows: the package's compiled credentials (loaded on
 * first use from the files package.json lists) and any a test registers.
 */
export class HarnessCredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	private packageLoaded = false;

	constructor(extra: ICredentialType[] = []) {
		for (const type of extra) this.types.set(type.name, type);
	}

	register(type: ICredentialType): this {
		this.types.set(type.name, type);
		return this;
	}

	recognizes(name: string): boolean {
		return this.find(name) !== undefined;
	}

	getByName(name: string): ICredentialType {
		const type = this.find(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	/** All ancestors named in `extends`, nearest first (n8n's CredentialTypes order). */
	getParentTypes(name: string): string[] {
		const parents = this.find(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	private find(name: string): ICredentialType | undefined {
		const registered = this.types.get(name);
		if (registered) return registered;
		if (!this.packageLoaded) {
			// Load all first so a missing build fails now and again on the next call.
			const loaded = credentialFiles.map((file) => instantiateExport<ICredentialType>(file));
			for (const type of loaded) if (!this.types.has(type.name)) this.types.set(type.name, type);
			this.packageLoaded = true;
		}
		return this.types.get(name);
	}
}
