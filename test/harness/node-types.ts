import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PACKAGE_PREFIXES, instantiateExport, nodeFiles } from './package-files';
import { standInNodeTypes } from './stand-ins';

export type NodeTypeLike = INodeType | IVersionedNodeType;

/**
 * The node types a harness Workflow can use (n8n's INodeTypes):
 * - the package's own nodes, compiled, from the files package.json lists, loaded on
 *   first use so the harness works before a node exists; each answers to both
 *   `n8n-nodes-trackstar.<name>` (installed package) and `CUSTOM.<name>` (custom
 *   extensions folder), the two names n8n gives it;
 * - stand-ins for the n8n-nodes-base nodes our examples use, plus `harness.items`;
 * - whatever a test registers (fixture nodes), under the exact type name given.
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, NodeTypeLike>();

	private packageNodes?: Map<string, NodeTypeLike>;

	constructor(extra: Record<string, NodeTypeLike> = {}) {
		for (const [name, type] of Object.entries({ ...standInNodeTypes(), ...extra })) {
			this.types.set(name, type);
		}
	}

	register(typeName: string, type: NodeTypeLike): this {
		this.types.set(typeName, type);
		return this;
	}

	getByName(typeName: string): NodeTypeLike {
		const type = this.types.get(typeName) ?? this.packageNode(typeName);
		if (!type) {
			throw new Error(
				`Unknown node type "${typeName}". Known: ${Object.keys(this.getKnownTypes()).join(', ')}`,
			);
		}
		return type;
	}

	getByNameAndVersion(typeName: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(typeName), version);
	}

	/** Same shape as n8n's known-types map: type name → { className, sourcePath }. */
	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const [name, type] of this.types) {
			known[name] = { className: type.constructor.name, sourcePath: '' };
		}
		// Listing must not fail when the package is not built yet.
		try {
			for (const [shortName, type] of this.loadPackageNodes()) {
				for (const prefix of PACKAGE_PREFIXES) {
					known[`${prefix}.${shortName}`] = { className: type.constructor.name, sourcePath: '' };
				}
			}
		} catch {
			// not built: nothing to list
		}
		return known;
	}

	private packageNode(typeName: string): NodeTypeLike | undefined {
		const prefix = PACKAGE_PREFIXES.find((p) => typeName.startsWith(`${p}.`));
		if (!prefix) return undefined;
		return this.loadPackageNodes().get(typeName.slice(prefix.length + 1));
	}

	private loadPackageNodes(): Map<string, NodeTypeLike> {
		if (!this.packageNodes) {
			const loaded = new Map<string, NodeTypeLike>();
			for (const file of nodeFiles) {
				const type = instantiateExport<NodeTypeLike>(file);
				loaded.set(type.description.name, type);
			}
			this.packageNodes = loaded;
		}
		return this.packageNodes;
	}
}
