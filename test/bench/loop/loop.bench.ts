// `npm run bench:loop`: our Wait Until Complete vs the HTTP Request → IF → Wait 10 s loop
// people build today, both inside the same real n8n 2.41.1 (the e2e cache's n8n-2 host,
// driven through its CLI) against the Trackstar simulator, on the same seeded jobs.
//
// Per job, both approaches run as their own `n8n execute` of a workflow that creates
// the job (our node's Create, no waiting) and then waits for it. The two executions of a
// job start together and both jobs get the job's duration (planned in the simulator just
// before they are created). Jobs are started one pair at a time, longest first: the
// next pair is spawned once both jobs of the previous pair exist, so at most two n8n
// processes boot at once while the earlier ones wait (`--serial` waits for each job's
// executions to end instead). Needs `npm run build` (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createN8nInstance, freePort, type ExecuteResult, type N8nInstance } from '../../e2e/lib/n8n';
import { repoRoot } from '../../e2e/lib/paths';
import { TrackstarSimulator, type SyncJob } from '../../simulator';
import { LOOP_SEED, loopJobs, type LoopJob } from './jobs';
import { createdJobId, measure, type Approach } from './measure';
import { HEADER, machine, machineLines, markdownTable, tableRows, textTable, type JobResult } from './report';
import { LOOP_WAIT_SECONDS, LOOP_WORKFLOW_ID, loopWorkflow, OURS_WORKFLOW_ID, oursWorkflow, trackstarCredential } from './workflows';

/** `--serial`: one job (its two executions) at a time; slower (~6 min), for checking that running jobs side by side does not move the numbers. */
const SERIAL = process.argv.includes('--serial');
const COMMAND = `npm run bench:loop${SERIAL ? ' -- --serial' : ''}`;
const DIST = join(repoRoot, 'dist');
const WORKFLOW_OF: Record<Approach, string> = { ours: OURS_WORKFLOW_ID, loop: LOOP_WORKFLOW_ID };
/** How long a pair may take to boot and create its two jobs. */
const CREATE_DEADLINE_MS = 120_000;

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

interface Settled {
	done: boolean;
	result?: ExecuteResult;
	error?: unknown;
}

interface PairRun {
	job: LoopJob;
	/** The two jobs the simulator created for this pair, with this pair's duration. */
	jobIds: string[];
	runs: Record<Approach, Settled>;
	promises: Array<Promise<void>>;
}

/** Installs n8n-2 into the e2e cache if missing (about a second when it is cached). */
function ensureN8n(): void {
	const tsxCli = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
	const res = spawnSync(process.execPath, [tsxCli, join(repoRoot, 'test', 'e2e', 'lib', 'install.ts'), 'n8n-2'], {
		cwd: repoRoot,
		stdio: 'inherit',
	});
	if (res.status !== 0) throw new Error('npx tsx test/e2e/lib/install.ts n8n-2 failed');
}

/** n8n processes running now, and the most there were at once. */
const processes = { running: 0, peak: 0 };

const usedPorts = new Set<number>();
/** Every concurrent `n8n execute` starts its own task-runner broker: give each its own port. */
async function brokerPort(): Promise<number> {
	for (;;) {
		const port = await freePort();
		if (!usedPorts.has(port)) {
			usedPorts.add(port);
			return port;
		}
	}
}

function startExecution(n8n: N8nInstance, approach: Approach, job: LoopJob, pair: PairRun): Promise<void> {
	const settled: Settled = { done: false };
	pair.runs[approach] = settled;
	return (async () => {
		processes.peak = Math.max(processes.peak, ++processes.running);
		try {
			const port = await brokerPort();
			settled.result = await n8n.execute(WORKFLOW_OF[approach], {
				timeoutMs: job.durationMs + 180_000,
				env: { N8N_RUNNERS_BROKER_PORT: String(port) },
			});
			const r = settled.result;
			if (!r.result) {
				throw new Error(`no run data (exit ${r.exitCode ?? r.signal}, timed out: ${r.timedOut}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
			}
			log(`job #${job.index}: ${approach} finished (${r.result.status}, n8n process ${(r.durationMs / 1000).toFixed(1)} s)`);
		} catch (error) {
			settled.error = error;
			log(`job #${job.index}: ${approach} FAILED: ${(error as Error).message}`);
		} finally {
			processes.running--;
			settled.done = true;
		}
	})();
}

/** Starts both executions of one job (recorded in `pairs` at once, so a failure still waits for them). */
async function runPair(n8n: N8nInstance, sim: TrackstarSimulator, job: LoopJob, pairs: PairRun[]): Promise<void> {
	const before = sim.jobs().length;
	const plan = { outcome: 'completed', durationMs: job.durationMs };
	sim.planNextJobs(plan, plan);
	const pair: PairRun = { job, jobIds: [], runs: {} as Record<Approach, Settled>, promises: [] };
	pair.promises = (['ours', 'loop'] as const).map((approach) => startExecution(n8n, approach, job, pair));
	pairs.push(pair);
	const deadline = Date.now() + CREATE_DEADLINE_MS;
	while (sim.jobs().length < before + 2) {
		if (pair.runs.ours.done && pair.runs.loop.done) break;
		if (Date.now() > deadline) throw new Error(`job #${job.index}: the two jobs were not created within ${CREATE_DEADLINE_MS / 1000} s`);
		await sleep(100);
	}
	pair.jobIds = sim
		.jobs()
		.slice(before, before + 2)
		.map((j: SyncJob) => j.id);
	log(`job #${job.index} (${(job.durationMs / 1000).toFixed(1)} s): created ${pair.jobIds.join(', ')}`);
}

function results(pairs: PairRun[], sim: TrackstarSimulator): JobResult[] {
	return pairs
		.map((pair) => {
			const measured = {} as Record<Approach, ReturnType<typeof measure>>;
			for (const approach of ['ours', 'loop'] as const) {
				const settled = pair.runs[approach];
				const run = settled.result?.result;
				if (!run) throw new Error(`job #${pair.job.index} ${approach}: ${(settled.error as Error)?.message ?? 'no result'}`);
				const id = createdJobId(run);
				if (!pair.jobIds.includes(id)) {
					throw new Error(`job #${pair.job.index} ${approach}: job ${id} is not one of this pair's (${pair.jobIds.join(', ')}); the durations would be mixed up`);
				}
				measured[approach] = measure(approach, run, sim.requests, pair.job.durationMs, settled.result?.durationMs ?? NaN);
			}
			return { job: pair.job, ...measured };
		})
		.sort((a, b) => a.job.index - b.job.index);
}

function checks(all: JobResult[]): string[] {
	const problems: string[] = [];
	for (const r of all) {
		for (const m of [r.ours, r.loop]) {
			if (m.finalStatus !== 'completed') problems.push(`job #${r.job.index} ${m.approach}: saw status ${m.finalStatus}`);
			if (m.extraCallsAfterSeen !== 0) problems.push(`job #${r.job.index} ${m.approach}: ${m.extraCallsAfterSeen} GET(s) after it saw the job finish`);
			if (m.rateLimited !== 0) problems.push(`job #${r.job.index} ${m.approach}: ${m.rateLimited} call(s) answered 429`);
			if (m.lagMs < 0) problems.push(`job #${r.job.index} ${m.approach}: negative lag`);
		}
	}
	return problems;
}

async function main(): Promise<void> {
	if (!existsSync(join(DIST, 'nodes', 'TrackstarOnDemandSync', 'TrackstarOnDemandSync.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (npm run bench:loop does)');
	}
	ensureN8n();
	const jobs = loopJobs();
	log(`jobs (seed ${LOOP_SEED}): ${jobs.map((j) => `#${j.index} ${(j.durationMs / 1000).toFixed(1)} s`).join(', ')}`);

	// Jobs nobody planned would finish after 1 s; every create here is planned, and
	// results() checks that each execution's job is one its pair created.
	const sim = await TrackstarSimulator.start({ defaultJob: { outcome: 'completed', durationMs: 1000 } });
	const n8n = await createN8nInstance({ host: 'n8n-2', customExtensions: DIST });
	const pairs: PairRun[] = [];
	try {
		log(`simulator ${sim.url}; n8n user folder ${n8n.userFolder}`);
		await n8n.importCredentials([trackstarCredential(sim.url)]);
		await n8n.importWorkflow([oursWorkflow(), loopWorkflow(sim.url)]);
		log('credential and the two workflows imported');

		const waitStarted = Date.now();
		for (const job of [...jobs].sort((a, b) => b.durationMs - a.durationMs)) {
			await runPair(n8n, sim, job, pairs);
			if (SERIAL) await Promise.all(pairs[pairs.length - 1].promises);
		}
		await Promise.all(pairs.flatMap((p) => p.promises));
		const waitSeconds = (Date.now() - waitStarted) / 1000;

		const all = results(pairs, sim);
		const problems = checks(all);
		const rows = tableRows(all);
		const m = machine();
		const totalSeconds = (Date.now() - started) / 1000;
		const raw = join(tmpdir(), `trackstar-loop-bench-${started}.json`);
		writeFileSync(raw, JSON.stringify({ seed: LOOP_SEED, machine: m, results: all }, null, 2));

		console.log('');
		console.log(textTable(HEADER, rows));
		console.log('');
		console.log(`Executions: ${pairs.length * 2} (one \`n8n execute\` each; up to ${processes.peak} n8n processes at once), ${waitSeconds.toFixed(0)} s from the first spawn to the last exit; whole run ${totalSeconds.toFixed(0)} s.`);
		console.log(`Simulator: ${sim.requests.length} requests, ${sim.stats.rateLimited} answered 429. Raw numbers: ${raw}`);
		for (const line of machineLines(m)) console.log(line);
		if (problems.length > 0) {
			console.log(`\nPROBLEMS:\n${problems.map((p) => `- ${p}`).join('\n')}`);
			process.exitCode = 1;
		}

		console.log('\n----- markdown (docs/benchmarks.md) -----\n');
		console.log(markdownTable(HEADER, rows));
		console.log('');
		console.log(`Seed ${LOOP_SEED}; loop Wait node ${LOOP_WAIT_SECONDS} s; ${pairs.length * 2} executions, up to ${processes.peak} n8n processes at once; whole run ${totalSeconds.toFixed(0)} s.`);
		console.log('');
		for (const line of machineLines(m)) console.log(`- ${line}`);
		console.log(`- Command: \`${COMMAND}\``);
		console.log('\n----- end -----');
	} finally {
		await Promise.allSettled(pairs.flatMap((p) => p.promises));
		await n8n.dispose();
		await sim.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
