// `npm run demo`: the nightly backfill example (examples/nightly-backfill.json) run
// through the real n8n engine against the built-in Trackstar simulator. No n8n install
// and no Trackstar account needed. The Schedule Trigger fires once; the Slack nodes are
// stand-ins that show the message they would post.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runWorkflow, type WorkflowJson } from '../test/harness';
import { SIM_CREDENTIALS, TrackstarSimulator, type LoggedRequest } from '../test/simulator';

const EXAMPLE = join(__dirname, '..', 'examples', 'nightly-backfill.json');
const JOB_SECONDS = Number(process.env.DEMO_JOB_SECONDS ?? 8);
const started = Date.now();

function log(line: string): void {
	const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
	console.log(`[${seconds}s] ${line}`);
}

function describeRequest(entry: LoggedRequest): string {
	return `Trackstar ← ${entry.method} ${entry.path} → ${entry.status}`;
}

async function main(): Promise<void> {
	const workflow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as WorkflowJson;
	const sim = await TrackstarSimulator.start({
		defaultJob: { outcome: 'completed', durationMs: JOB_SECONDS * 1000 },
		onRequest: (entry) => {
			const job = entry.path.split('/')[3];
			const status = job && job !== 'on-demand-syncs' ? sim.job(job.replace(/\/.*$/, ''))?.status : undefined;
			log(`${describeRequest(entry)}${status ? ` (job is ${status})` : ''}`);
		},
	});
	log(`Trackstar simulator listening on ${sim.url} (jobs take ${JOB_SECONDS}s)`);
	log(`Running "${workflow.name}" in the n8n engine (n8n-core), timezone ${workflow.settings?.timezone}`);

	try {
		const result = await runWorkflow(workflow, {
			timeoutMs: 10 * 60_000,
			credentials: {
				'trackstar-credential': {
					apiKey: SIM_CREDENTIALS.apiKey,
					accessToken: SIM_CREDENTIALS.wmsAccessToken,
					baseUrl: sim.url,
				},
			},
		});
		if (result.status !== 'success') {
			log(`The workflow failed: ${result.error?.message ?? result.status}`);
			process.exitCode = 1;
			return;
		}
		const syncNode = "Re-sync yesterday's orders";
		const [completed, notCompleted] = result.outputs(syncNode);
		for (const job of [...completed, ...notCompleted]) {
			log(`Job ${job.id}: ${job.function_name} ${job.requested_start_time} → ${job.requested_end_time}, outcome ${job.outcome}, ${job.pollCount} status checks`);
		}
		for (const slackNode of ['Tell the team', 'Alert the team']) {
			if (!result.ran(slackNode)) continue;
			for (const message of result.json(slackNode)) {
				log(`Slack (${slackNode}) would post to ${String(message.channel ?? '')}:`);
				console.log(`\n    ${String(message.text)}\n`);
			}
		}
		if (completed.length !== 1) process.exitCode = 1;
	} finally {
		await sim.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
