// Path table. Kept strict (no trailing-slash or case folding) so a node that builds a
// wrong URL fails here the way it would against production.

export type RouteName = 'listConnections' | 'createJob' | 'getJob' | 'cancelJob';

export interface RouteMatch {
	name: RouteName;
	methods: readonly string[];
	jobId?: string;
}

const ROUTES: Array<{ name: RouteName; method: string; pattern: RegExp }> = [
	{ name: 'listConnections', method: 'GET', pattern: /^\/connections$/ },
	{ name: 'createJob', method: 'POST', pattern: /^\/connections\/on-demand-syncs$/ },
	{ name: 'getJob', method: 'GET', pattern: /^\/connections\/on-demand-syncs\/([^/]+)$/ },
	{ name: 'cancelJob', method: 'POST', pattern: /^\/connections\/on-demand-syncs\/([^/]+)\/cancel$/ },
];

// Returns the route for this method if there is one, otherwise the first route whose
// path matches (so the caller can answer 405 with its methods), otherwise undefined.
export function matchRoute(method: string, path: string): RouteMatch | undefined {
	const candidates = ROUTES.filter((r) => r.pattern.test(path));
	if (candidates.length === 0) return undefined;
	const methods = candidates.map((r) => r.method);
	const chosen = candidates.find((r) => r.method === method) ?? candidates[0];
	const id = chosen.pattern.exec(path)?.[1];
	return { name: chosen.name, methods, jobId: id === undefined ? undefined : safeDecode(id) };
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
