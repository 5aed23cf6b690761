import type { INode, Workflow } from 'n8n-workflow';

/**
 * The node a manual run starts from: the one asked for, else (like pressing "Execute
 * workflow") a trigger with nothing feeding it, else n8n's own choice, else the first
 * node nothing feeds. n8n's getStartNode alone would miss our trigger stand-ins: they
 * are plain execute() nodes, and only some trigger types are on its starting list.
 */
export function pickStartNode(workflow: Workflow, requested?: string): INode {
	if (requested) {
		const node = workflow.getNode(requested);
		if (!node) throw new Error(`startNode "${requested}" is not in the workflow`);
		return node;
	}
	const description = (node: INode) =>
		workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	// Sticky notes have no outputs and never run.
	const runnable = (node: INode) => {
		const { outputs } = description(node);
		return !Array.isArray(outputs) || outputs.length > 0;
	};
	const roots = Object.values(workflow.nodes).filter(
		(node) =>
			!node.disabled &&
			runnable(node) &&
			workflow.getParentNodes(node.name, 'main', 1).length === 0,
	);
	const isTrigger = (node: INode) => description(node).group.includes('trigger');
	const chosen = roots.find(isTrigger) ?? workflow.getStartNode() ?? roots[0];
	if (!chosen) throw new Error('The workflow has no node to start from');
	return chosen;
}
