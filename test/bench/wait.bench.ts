// `npm run bench`: the node's poll schedule against a fixed 5-second poller, on the
// simulator with jobs of mixed durations in compressed (virtual) time, plus the memory
// of 200 concurrent waits. Prints a markdown report with PASS/FAIL per target; a missed
// target does not fail the process (the exit code is non-zero only if the bench breaks).
import './env';

import { CONNECTIONS, jobMix, splitOverConnections, type BenchJob } from './jobs';
import { DEFAULT_MAX_INTERVAL_MS, runLane, type LaneResult } from './lane';
import { exposeGc, runMemory } from './memory';
import { report } from './report';
import type { WaitMode } from './waiterNode';

const started = Date.now();

function log(line: string): void {
	process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
}

// One lane per connection (access token) at once, each on its own clock and simulator.
async function runMix(mode: WaitMode, lanes: BenchJob[][]): Promise<LaneResult[]> {
	return await Promise.all(
		lanes.map((jobs, index) => runLane({ mode, connection: CONNECTIONS[index], jobs, log })),
	);
}

async function main(): Promise<void> {
	exposeGc();
	const startedAt = new Date();
	// Both schedules wait for the very same jobs (same objects, same connections).
	const lanes = splitOverConnections(jobMix());
	log('mixed jobs, our schedule');
	const ours = await runMix('ours', lanes);
	log('mixed jobs, fixed 5 s poll');
	const fixed = await runMix('fixed', lanes);
	log('200 concurrent waits, memory');
	const memory = await runMemory(log);
	const text = report({ ours, fixed, memory, maxIntervalMs: DEFAULT_MAX_INTERVAL_MS, wallMs: Date.now() - started, startedAt });
	await new Promise<void>((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
}

main().then(
	// n8n-core may leave timers behind; the report is out, so do not wait for them.
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
