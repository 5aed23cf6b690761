import type { ServerResponse } from 'node:http';

// A reply is computed first and written later, so a fault can run the real handler
// (side effects included) and then throw its result away or mangle it.
export interface Reply {
	status: number;
	headers?: Record<string, string>;
	/** Serialised as JSON unless `raw` is given. */
	body?: unknown;
	raw?: { contentType: string; text: string };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, body, headers };
}

export function apiError(status: number, message: string, extra?: Record<string, unknown>): Reply {
	return json(status, { error: message, origin: 'trackstar', ...extra });
}

export function serialise(reply: Reply): { contentType: string; text: string } {
	return reply.raw ?? { contentType: 'application/json', text: JSON.stringify(reply.body ?? null) };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
	// The client may have given up (timeouts in slow-fault tests); nothing left to say.
	if (res.destroyed || res.writableEnded) return;
	const { contentType, text } = serialise(reply);
	res.statusCode = reply.status;
	for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
	res.setHeader('content-type', contentType);
	res.setHeader('content-length', Buffer.byteLength(text));
	res.end(text);
}
