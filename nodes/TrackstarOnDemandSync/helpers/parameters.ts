import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A bad parameter, named by the label the user sees and the item it came from, raised
 * before any request is sent.
 */
export function parameterError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	problem: string,
	whatToDo: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${displayName}: ${problem.replace(/\.$/, '')} [item ${itemIndex}]`, {
		description: whatToDo,
		itemIndex,
	});
}

const SYNC_JOB_ID_FORM = /^[A-Za-z0-9_.:-]{1,128}$/;

export function readSyncJobId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw: unknown = ctx.getNodeParameter('syncJobId', itemIndex, '');
	const fix =
		'Use the "id" of the job that Create returned, for example {{ $json.id }} after a Trackstar On-Demand Sync node.';
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		throw parameterError(ctx, itemIndex, 'Sync Job ID', `The value is ${describeType(raw)}, not text`, fix);
	}
	const value = String(raw).trim();
	if (value === '') throw parameterError(ctx, itemIndex, 'Sync Job ID', 'The value is empty', fix);
	if (!SYNC_JOB_ID_FORM.test(value)) {
		throw parameterError(
			ctx,
			itemIndex,
			'Sync Job ID',
			`"${value.slice(0, 40)}" is not a sync job ID (only letters, digits, "_", "-", "." and ":" are allowed)`,
			fix,
		);
	}
	return value;
}

export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** Whole seconds within bounds, from a number field or an expression. */
export function readSeconds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	fallback: number,
	bounds: { min: number; max: number },
	collection?: string,
): number {
	const raw: unknown = collection
		? ((ctx.getNodeParameter(collection, itemIndex, {}) as Record<string, unknown>)[name] ?? fallback)
		: ctx.getNodeParameter(name, itemIndex, fallback);
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < bounds.min || value > bounds.max) {
		throw parameterError(
			ctx,
			itemIndex,
			displayName,
			`${JSON.stringify(raw)} is not a number of seconds from ${bounds.min} to ${bounds.max}`,
			`Enter a value between ${bounds.min} and ${bounds.max}.`,
		);
	}
	return value;
}

export function readBoolean(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	fallback: boolean,
	collection?: string,
): boolean {
	const raw: unknown = collection
		? ((ctx.getNodeParameter(collection, itemIndex, {}) as Record<string, unknown>)[name] ?? fallback)
		: ctx.getNodeParameter(name, itemIndex, fallback);
	if (typeof raw === 'boolean') return raw;
	if (raw === 'true' || raw === 'false') return raw === 'true';
	throw parameterError(ctx, itemIndex, displayName, `${JSON.stringify(raw)} is not true or false`, 'Switch it on or off, or make the expression return true or false.');
}
