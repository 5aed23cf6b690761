// A real `n8n start` (2.41, from the e2e cache) serving the editor on 127.0.0.1, with this
// package loaded from N8N_CUSTOM_EXTENSIONS, plus the REST calls the editor test needs.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { createN8nInstance, type N8nInstance, type ServerHandle } from '../lib/n8n';
import { repoRoot } from '../lib/paths';

/** What n8n calls our node and credential when they come from a custom extension folder. */
export const NODE_TYPE = 'CUSTOM.trackstarOnDemandSync';
export const CREDENTIAL_TYPE = 'trackstarApi';

export const OWNER = {
	email: 'owner@e2e.test',
	firstName: 'Edith',
	lastName: 'Tor',
	password: 'E2e-Editor-Passw0rd',
};

// The built files n8n has to find (node, credential, codex, icons).
const BUILT_FILES = [
	'nodes/TrackstarOnDemandSync/TrackstarOnDemandSync.node.js',
	'nodes/TrackstarOnDemandSync/TrackstarOnDemandSync.node.json',
	'nodes/TrackstarOnDemandSync/trackstar.svg',
	'nodes/TrackstarOnDemandSync/trackstar.dark.svg',
	'credentials/TrackstarApi.credentials.js',
];

/**
 * Copies the built package (dist/: nodes/ and credentials/ side by side, as the
 * credential's icon path expects) into a temp folder for N8N_CUSTOM_EXTENSIONS. n8n
 * globs it for *.node.js and *.credentials.js and serves the icons from it. A copy, so a
 * rebuild of dist/ by someone else mid-run cannot pull files from under n8n; n8n puts
 * its own node_modules on NODE_PATH, so n8n-workflow and luxon resolve to n8n's copies,
 * as for an installed package.
 */
export function copyBuiltPackage(): string {
	const dist = join(repoRoot, 'dist');
	const missing = BUILT_FILES.filter((f) => !existsSync(join(dist, f)));
	if (missing.length > 0) throw new Error(`dist/ lacks ${missing.join(', ')}: run \`npm run build\` first`);
	const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-trackstar-ext-'));
	cpSync(dist, dir, { recursive: true, filter: (src) => !src.endsWith('.d.ts') && !src.endsWith('.map') });
	const lost = BUILT_FILES.filter((f) => !existsSync(join(dir, f)));
	if (lost.length > 0) throw new Error(`copy of dist/ lacks ${lost.join(', ')} (was dist/ being rebuilt?)`);
	return dir;
}

export interface EditorServer {
	n8n: N8nInstance;
	server: ServerHandle;
	url: string;
	dispose(): Promise<void>;
}

export async function startEditorServer(): Promise<EditorServer> {
	const extensionDir = copyBuiltPackage();
	let n8n: N8nInstance | undefined;
	try {
		n8n = await createN8nInstance({ host: 'n8n-2', customExtensions: extensionDir });
		const server = await n8n.startServer({ readyTimeoutMs: 180_000 });
		const instance = n8n;
		return {
			n8n: instance,
			server,
			url: server.url,
			dispose: async () => {
				try {
					await instance.dispose();
				} finally {
					rmSync(extensionDir, { recursive: true, force: true });
				}
			},
		};
	} catch (error) {
		await n8n?.dispose();
		rmSync(extensionDir, { recursive: true, force: true });
		throw error;
	}
}

async function restJson<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
	const text = await response.text();
	if (!response.ok()) throw new Error(`${what} failed: HTTP ${response.status()} ${text.slice(0, 500)}`);
	const body = JSON.parse(text);
	return (body && typeof body === 'object' && 'data' in body ? body.data : body) as T;
}

/**
 * Creates the instance owner through n8n's REST setup (POST /rest/owner/setup). n8n
 * answers with its auth cookie, which the browser context's request client stores, so
 * the context's pages are logged in as the owner afterwards.
 */
export async function setUpOwner(request: APIRequestContext, url: string): Promise<void> {
	await restJson(await request.post(`${url}/rest/owner/setup`, { data: OWNER }), 'POST /rest/owner/setup');
	const me = await restJson<{ email?: string }>(await request.get(`${url}/rest/login`), 'GET /rest/login');
	if (me.email !== OWNER.email) throw new Error(`logged in as ${JSON.stringify(me.email)}, not the owner`);
}

/** Manual Trigger → Trackstar On-Demand Sync, saved through the REST API; returns its id. */
export async function createTrackstarWorkflow(
	request: APIRequestContext,
	url: string,
	name: string,
	parameters: Record<string, unknown>,
): Promise<string> {
	const body = {
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'e2e-editor-trigger',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'e2e-editor-trackstar',
				name: 'Trackstar On-Demand Sync',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters,
			},
		],
		connections: {
			'When clicking ‘Execute workflow’': {
				main: [[{ node: 'Trackstar On-Demand Sync', type: 'main', index: 0 }]],
			},
		},
	};
	const wf = await restJson<{ id: string }>(await request.post(`${url}/rest/workflows`, { data: body }), 'POST /rest/workflows');
	return wf.id;
}

/** The node types n8n serves to the editor, to prove ours was loaded before driving the UI. */
export async function loadedNodeTypes(request: APIRequestContext, url: string): Promise<string[]> {
	const res = await request.get(`${url}/types/nodes.json`);
	if (!res.ok()) throw new Error(`GET /types/nodes.json failed: HTTP ${res.status()}`);
	const types = (await res.json()) as Array<{ name: string }>;
	return types.map((t) => t.name);
}
