import type { IConnections, INode, IPinData, IWorkflowSettings } from 'n8n-workflow';

/** A workflow as n8n saves and exports it (the fields the harness reads). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: Array<
		Omit<INode, 'id' | 'position'> & {
			id?: string;
			position?: [number, number];
		}
	>;
	connections: IConnections;
	settings?: IWorkflowSettings;
	/** Pinned output per node name; a manual run uses it instead of running the node. */
	pinData?: IPinData;
}

/**
 * Fresh INode objects: n8n's Workflow writes defaults into node parameters, so running
 * the caller's object twice must not see the first run's changes.
 */
export function cloneNodes(workflow: WorkflowJson): INode[] {
	return workflow.nodes.map((node, index) => ({
		...(JSON.parse(JSON.stringify(node)) as INode),
		id: node.id ?? `node-${index}`,
		position: node.position ?? [index * 200, 0],
	}));
}
