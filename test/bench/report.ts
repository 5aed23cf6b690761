import os from 'node:os';

import { SEED } from './jobs';
import { FIXED_INTERVAL_MS, type JobResult, type LaneResult } from './lane';
import type { MemoryResult } from './memory';
import { mean, spread, type Spread } from './stats';

export const COMMAND = 'npm run bench   (tsx test/bench/wait.bench.ts)';

/** Targets from the issue. */
export const TARGETS = {
	/** Our GETs on a 30-minute job, as a share of the fixed poller's. */
	getShare: 1 / 5,
	/** Lag bound: this share of the job's duration, or the longest interval if larger. */
	lagShare: 0.1,
	rateLimited: 0,
	/** Bytes per waiting job (KB = 1,000 bytes). */
	bytesPerWait: 50_000,
};

export interface BenchResults {
	ours: LaneResult[];
	fixed: LaneResult[];
	memory: MemoryResult;
	maxIntervalMs: number;
	wallMs: number;
	startedAt: Date;
}

interface Pair {
	ours: JobResult;
	fixed: JobResult;
	boundMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function duration(ms: number): string {
	const total = Math.round(ms / 1000);
	const m = Math.floor(total / 60);
	const s = total % 60;
	return m === 0 ? `${s}s` : `${m}m ${String(s).padStart(2, '0')}s`;
}

function table(header: string[], rows: string[][]): string[] {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function pairs(results: BenchResults): Pair[] {
	const fixedByJob = new Map(results.fixed.flatMap((lane) => lane.jobs).map((job) => [job.job, job]));
	return results.ours
		.flatMap((lane) => lane.jobs)
		.map((ours) => {
			const fixed = fixedByJob.get(ours.job);
			if (!fixed) throw new Error(`No fixed-poll result for the ${ours.job.label} job`);
			return { ours, fixed, boundMs: Math.max(TARGETS.lagShare * ours.job.durationMs, results.maxIntervalMs) };
		})
		.sort((a, b) => a.ours.job.durationMs - b.ours.job.durationMs);
}

export function machine(): string {
	const cpus = os.cpus();
	const model = cpus[0]?.model.trim() ?? 'unknown CPU';
	return `${model}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()} ${os.release()}`;
}

export function report(results: BenchResults): string {
	const all = pairs(results);
	const problems = all.flatMap(({ ours, fixed }) => [ours, fixed]).filter((job) => job.status !== 'completed');
	const lagOurs: Spread = spread(all.map((p) => p.ours.lagMs));
	const lagFixed: Spread = spread(all.map((p) => p.fixed.lagMs));
	const getsOurs = all.map((p) => p.ours.gets);
	const getsFixed = all.map((p) => p.fixed.gets);
	const headline = all.find((p) => p.ours.job.headline);
	if (!headline) throw new Error('The job mix has no exactly-30-minute job');
	const thirty = all.filter((p) => p.ours.job.label.startsWith('30 min'));
	const sum = (lanes: LaneResult[], key: 'rateLimited' | 'gets' | 'posts') => lanes.reduce((total, lane) => total + lane[key], 0);
	const ours429 = sum(results.ours, 'rateLimited');
	const fixed429 = sum(results.fixed, 'rateLimited');
	const memory429 = results.memory.lane.rateLimited;
	const worst = all.reduce((a, b) => (b.ours.lagMs / b.boundMs > a.ours.lagMs / a.boundMs ? b : a));
	const memoryJobs = results.memory.lane.jobs;
	const memoryLag = spread(memoryJobs.map((job) => job.lagMs));
	const maxInterval = seconds(results.maxIntervalMs);

	const out: string[] = [];
	out.push('## Polling benchmark: Wait for Completion', '');
	out.push(`- Command: \`${COMMAND}\``);
	out.push(`- Machine: ${machine()}`);
	out.push(`- Run: ${results.startedAt.toISOString()}, wall time ${duration(results.wallMs)}`);
	out.push(
		`- Setup: the node's compiled WaitRun and transport in n8n-core's WorkflowExecute, real HTTP to the simulator on 127.0.0.1; jobs created by the node's Create operation; job lifetimes and poll sleeps on a virtual clock (requests take zero virtual time); 429s counted in real time, against the node's real-time limiter.`,
	);
	out.push(
		`- Schedules: ours = the node's schedule, longest interval ${maxInterval} (default); fixed = a GET every ${seconds(FIXED_INTERVAL_MS)} through the same transport.`,
	);
	out.push(`- Jobs: ${all.length} (seed ${SEED}): one exactly 30 min, the rest 30 s, 2, 10, 30 and 60 min ±15%, all waited at once, split over the simulator's two connections.`);
	out.push('');

	out.push('### Per job', '');
	out.push(
		...table(
			['Job', 'Duration', 'GETs ours', 'GETs fixed', 'ours/fixed', 'Lag ours', 'Lag fixed', 'Lag bound'],
			all.map(({ ours, fixed, boundMs }) => [
				ours.job.label,
				duration(ours.job.durationMs),
				String(ours.gets),
				String(fixed.gets),
				ratio(ours.gets, fixed.gets),
				seconds(ours.lagMs),
				seconds(fixed.lagMs),
				seconds(boundMs),
			]),
		),
	);
	out.push('');

	out.push('### Summary', '');
	out.push(
		...table(
			['Figure', 'Ours', `Fixed ${seconds(FIXED_INTERVAL_MS)}`, 'Ours / fixed'],
			[
				['GETs per job (mean)', mean(getsOurs).toFixed(1), mean(getsFixed).toFixed(1), ratio(mean(getsOurs), mean(getsFixed))],
				['GETs, 30-min job (exact)', String(headline.ours.gets), String(headline.fixed.gets), ratio(headline.ours.gets, headline.fixed.gets)],
				[
					'GETs, 30-min jobs (mean)',
					mean(thirty.map((p) => p.ours.gets)).toFixed(1),
					mean(thirty.map((p) => p.fixed.gets)).toFixed(1),
					ratio(mean(thirty.map((p) => p.ours.gets)), mean(thirty.map((p) => p.fixed.gets))),
				],
				['GETs, all jobs', String(getsOurs.reduce((a, b) => a + b, 0)), String(getsFixed.reduce((a, b) => a + b, 0)), ratio(getsOurs.reduce((a, b) => a + b, 0), getsFixed.reduce((a, b) => a + b, 0))],
				['Lag p50', seconds(lagOurs.p50), seconds(lagFixed.p50), ratio(lagOurs.p50, lagFixed.p50)],
				['Lag p95', seconds(lagOurs.p95), seconds(lagFixed.p95), ratio(lagOurs.p95, lagFixed.p95)],
				['Lag max', seconds(lagOurs.max), seconds(lagFixed.max), ratio(lagOurs.max, lagFixed.max)],
				['429 replies', String(ours429), String(fixed429), '–'],
			],
		),
	);
	out.push('');

	const m = results.memory;
	out.push(`### ${m.waits} concurrent waits (ours, longest interval ${maxInterval}, one access token)`, '');
	out.push(
		...table(
			['Figure', 'Value'],
			[
				['Live heap before the run (after full GC)', mb(m.baselineBytes)],
				[`Peak live heap while all ${m.waits} waited (${m.samples} samples, full GC before each)`, mb(m.peakBytes)],
				['Per waiting job: (peak − before) / waits', kb(m.perWaitBytes)],
				['RSS before → peak (informational)', `${mb(m.rssBaselineBytes)} → ${mb(m.rssPeakBytes)}`],
				['GETs / POSTs / 429 replies', `${m.lane.gets} / ${m.lane.posts} / ${memory429}`],
				['Lag (virtual) p50 / p95 / max', `${seconds(memoryLag.p50)} / ${seconds(memoryLag.p95)} / ${seconds(memoryLag.max)}`],
				[
					'Real time of the waits (rate-limited, not in virtual lag)',
					`${seconds(m.lane.waitWallMs)} for ${m.lane.gets} GETs = ${(m.lane.gets / (m.lane.waitWallMs / 1000)).toFixed(1)} GETs/s`,
				],
				['Wall time', duration(m.lane.wallMs)],
			],
		),
	);
	out.push('');

	const getShare = headline.ours.gets / headline.fixed.gets;
	const lagOk = all.every((p) => p.ours.lagMs <= p.boundMs);
	const rateOk = ours429 + memory429 <= TARGETS.rateLimited;
	const memoryOk = m.perWaitBytes < TARGETS.bytesPerWait;
	out.push('### Targets', '');
	out.push(
		`- ${verdict(getShare <= TARGETS.getShare)} GETs on a 30-minute job: ${headline.ours.gets} vs ${headline.fixed.gets} for the fixed poller = ${getShare.toFixed(3)} (target ≤ ${TARGETS.getShare.toFixed(2)})`,
		`- ${verdict(lagOk)} Lag never above 10% of the job's duration or the longest interval (${maxInterval}), whichever is larger: worst ${seconds(worst.ours.lagMs)} of ${seconds(worst.boundMs)} allowed (${worst.ours.job.label} job, ${duration(worst.ours.job.durationMs)})`,
		`- ${verdict(rateOk)} Zero 429s with our schedule: ${ours429} in the mixed run, ${memory429} in the ${m.waits}-wait run (fixed poller, for comparison: ${fixed429})`,
		`- ${verdict(memoryOk)} Memory per waiting job: ${kb(m.perWaitBytes)} (target < ${kb(TARGETS.bytesPerWait)})`,
	);
	if (problems.length > 0) {
		out.push('', `Note: ${problems.length} wait(s) did not end completed: ${problems.map((p) => `${p.id} ${p.status} ${p.error ?? ''}`).join('; ')}`);
	}
	return out.join('\n');
}
