// Telling which network failure happened, so the message can say it in words.

const NETWORK_CODES = /\b(ECONNRESET|ECONNREFUSED|ETIMEDOUT|ECONNABORTED|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_CONNECTION_TIMEOUT)\b/;

function codeFromText(text: string): string | undefined {
	const code = NETWORK_CODES.exec(text);
	if (code) return code[1];
	if (/socket hang up|closed unexpectedly/i.test(text)) return 'ECONNRESET';
	if (/timeout of \d+ms exceeded|connection timed out/i.test(text)) return 'ETIMEDOUT';
	if (/refused the connection/i.test(text)) return 'ECONNREFUSED';
	return undefined;
}

/**
 * n8n 1.x and 2.x wrap client errors differently (and 2.x twice): look through the whole
 * chain for a network code, preferring the well-known ones over any other `code`.
 */
export function networkCodeOf(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let fallback: string | undefined;
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as {
			code?: unknown;
			message?: unknown;
			messages?: unknown;
			cause?: unknown;
			reason?: unknown;
			errorResponse?: unknown;
			context?: { cause?: unknown };
		};
		const code = typeof candidate.code === 'string' ? candidate.code : '';
		if (NETWORK_CODES.test(code)) return code;
		// NodeError keeps the client's own words in `messages` once it has rewritten `message`.
		const texts = [candidate.message, ...(Array.isArray(candidate.messages) ? candidate.messages : [])];
		for (const text of texts) {
			const fromText = typeof text === 'string' ? codeFromText(text) : undefined;
			if (fromText) return fromText;
		}
		fallback ??= code || undefined;
		current = candidate.cause ?? candidate.reason ?? candidate.errorResponse ?? candidate.context?.cause;
	}
	return fallback;
}
