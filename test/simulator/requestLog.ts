import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { LoggedRequest, SimulatorStats } from './types';

export interface Arrival {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	headers: Record<string, string>;
	apiKeyValid: boolean;
	at: number;
}

// Entries are appended on arrival (so the log keeps arrival order even when a slow reply
// finishes last) and get their final status when the reply goes out.
export class RequestLog {
	readonly entries: LoggedRequest[] = [];
	readonly stats: SimulatorStats = { rateLimited: 0, byStatus: {} };

	begin(arrival: Arrival): LoggedRequest {
		const headers = arrival.headers;
		const entry: LoggedRequest = {
			requestId: `req_${randomBytes(12).toString('hex')}`,
			method: arrival.method,
			path: arrival.path,
			query: arrival.query,
			body: arrival.body,
			status: 0,
			at: arrival.at,
			accessToken: headers['x-trackstar-access-token'],
			apiKeyValid: arrival.apiKeyValid,
			headers,
		};
		this.entries.push(entry);
		return entry;
	}

	finish(entry: LoggedRequest, status: number): void {
		entry.status = status;
		this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
		if (status === 429) this.stats.rateLimited += 1;
	}

	// Cleared in place so a test holding `sim.requests` keeps seeing the live log.
	clear(): void {
		this.entries.length = 0;
	}

	clearStats(): void {
		this.stats.rateLimited = 0;
		for (const status of Object.keys(this.stats.byStatus)) delete this.stats.byStatus[Number(status)];
	}
}

// Node keeps repeated headers as arrays; one string per name is easier to assert on.
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}
