// `npm run dev`: a real n8n 2.41.1 editor on http://127.0.0.1:5678 with this package
// loaded from dist/, a "Trackstar (simulator)" credential and the example workflows, and
// the Trackstar simulator beside it. For clicking through the node; Ctrl-C stops both.
// The first run installs n8n into the e2e cache (several minutes, once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createN8nInstance, type Workflow } from '../test/e2e/lib/n8n';
import { SIM_CREDENTIALS, TrackstarSimulator } from '../test/simulator';

const repo = join(__dirname, '..');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SIM_PORT = Number(process.env.TRACKSTAR_SIM_PORT ?? 5690);
const EXAMPLES = ['nightly-backfill', 'monthly-carrier-invoices', 'manual-backfill-with-cancel'];

/** Examples name the published package; loaded from dist/ the node is CUSTOM.*. */
function asCustomExtension(workflow: Workflow, id: string): Workflow {
	const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
		typeof node.type === 'string' && node.type.startsWith('n8n-nodes-trackstar.')
			? { ...node, type: node.type.replace('n8n-nodes-trackstar.', 'CUSTOM.') }
			: node,
	);
	return { ...workflow, id, nodes };
}

async function main(): Promise<void> {
	const sim = await TrackstarSimulator.start({
		port: SIM_PORT,
		defaultJob: { outcome: 'completed', durationMs: 20_000 },
		onRequest: (entry) => console.log(`  simulator: ${entry.method} ${entry.path} → ${entry.status}`),
	});
	const n8n = await createN8nInstance({ host: 'n8n-2', customExtensions: join(repo, 'dist') });
	const credential = { apiKey: SIM_CREDENTIALS.apiKey, accessToken: SIM_CREDENTIALS.wmsAccessToken, baseUrl: sim.url };
	await n8n.importCredentials([
		{ id: 'trackstar-credential', name: 'Trackstar (simulator, WMS)', type: 'trackstarApi', data: credential },
		{
			id: 'trackstar-carrier-credential',
			name: 'Trackstar (simulator, carrier)',
			type: 'trackstarApi',
			data: { ...credential, accessToken: SIM_CREDENTIALS.carrierAccessToken },
		},
	]);
	await n8n.importWorkflow(
		EXAMPLES.map((name, index) =>
			asCustomExtension(JSON.parse(readFileSync(join(repo, 'examples', `${name}.json`), 'utf8')) as Workflow, `devExample00000${index}`),
		),
	);
	const server = await n8n.startServer({ port: N8N_PORT });
	console.log(`
n8n ${server.url} is ready (first visit: create the owner account; it stays on this machine only).
Trackstar simulator: ${sim.url} · jobs complete after 20 s.
Credentials "Trackstar (simulator, WMS)" and "(carrier)" and the three example workflows are imported.
Press Ctrl-C to stop.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await server.stop(10_000);
		await n8n.dispose();
		await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
