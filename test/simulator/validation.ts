import { parseIsoDateTime } from './time';

// 422 details follow the FastAPI/pydantic style Trackstar uses: location, field, messages.
export type FieldErrors = Record<string, string[]>;

export interface CreateRequest {
	functionName: string;
	startMs: number;
	endMs: number;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

export function validateCreateBody(body: ParsedBody): { request: CreateRequest } | { errors: FieldErrors } {
	if (!body.ok) return { errors: { __root__: ['Body must be valid JSON'] } };
	const value = body.value;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { errors: { __root__: ['Body must be a JSON object'] } };
	}
	const fields = value as Record<string, unknown>;
	const errors: FieldErrors = {};

	const times: Record<string, number | undefined> = {};
	// Field by field in document order, so the 422 detail lists them the way the docs do.
	for (const name of ['start_time', 'end_time', 'function_name']) {
		const field = fields[name];
		if (field === undefined || field === null) errors[name] = ['Field required'];
		else if (typeof field !== 'string') errors[name] = ['Input should be a valid string'];
		else if (field.trim() === '') errors[name] = ['String should have at least 1 character'];
		else if (name !== 'function_name') {
			times[name] = parseIsoDateTime(field);
			if (times[name] === undefined) {
				errors[name] = ['Input should be a valid ISO 8601 datetime with a timezone (e.g. 2025-12-01T00:00:00Z)'];
			}
		}
	}
	if (Object.keys(errors).length > 0) return { errors };

	const startMs = times.start_time as number;
	const endMs = times.end_time as number;
	if (startMs >= endMs) return { errors: { end_time: ['end_time must be after start_time'] } };
	return { request: { functionName: fields.function_name as string, startMs, endMs } };
}
