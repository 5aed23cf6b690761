// Tables (aligned text for the terminal, markdown for docs/benchmarks.md) and the
// machine description.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';

import { hostDir, node24Bin } from '../../e2e/lib/paths';
import type { LoopJob } from './jobs';
import type { Measurement } from './measure';

export interface JobResult {
	job: LoopJob;
	ours: Measurement;
	loop: Measurement;
}

const s = (ms: number, digits = 1) => (ms / 1000).toFixed(digits);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: number[]) => sum(values) / values.length;
const ratio = (loop: number, ours: number) => (ours === 0 ? 'n/a' : `${(loop / ours).toFixed(2)}×`);
const pair = (ours: string | number, loop: string | number) => `${ours} / ${loop}`;

export const HEADER = ['Job', 'Duration', 'API calls (ours / loop)', 'Lag s (ours / loop)', 'Node runs (ours / loop)', 'Wall s (ours / loop)'];

export function tableRows(results: JobResult[]): string[][] {
	const rows = results.map(({ job, ours, loop }) => [
		`#${job.index}`,
		`${s(job.durationMs)} s`,
		pair(ours.apiCalls, loop.apiCalls),
		pair(s(ours.lagMs), s(loop.lagMs)),
		pair(ours.nodeRuns, loop.nodeRuns),
		pair(s(ours.wallMs), s(loop.wallMs)),
	]);
	const all = (pick: (r: JobResult) => Measurement) => results.map(pick);
	const ours = all((r) => r.ours);
	const loop = all((r) => r.loop);
	const total = (list: Measurement[], key: 'apiCalls' | 'nodeRuns' | 'wallMs') => sum(list.map((m) => m[key]));
	const lagMean = (list: Measurement[]) => mean(list.map((m) => m.lagMs));
	const lagMax = (list: Measurement[]) => Math.max(...list.map((m) => m.lagMs));
	rows.push(
		[
			'**All**',
			`${s(sum(results.map((r) => r.job.durationMs)))} s`,
			pair(total(ours, 'apiCalls'), total(loop, 'apiCalls')),
			`${pair(s(lagMean(ours)), s(lagMean(loop)))} mean, ${pair(s(lagMax(ours)), s(lagMax(loop)))} max`,
			pair(total(ours, 'nodeRuns'), total(loop, 'nodeRuns')),
			pair(s(total(ours, 'wallMs')), s(total(loop, 'wallMs'))),
		],
		[
			'**Loop / ours**',
			'',
			ratio(total(loop, 'apiCalls'), total(ours, 'apiCalls')),
			`${ratio(lagMean(loop), lagMean(ours))} mean, ${ratio(lagMax(loop), lagMax(ours))} max`,
			ratio(total(loop, 'nodeRuns'), total(ours, 'nodeRuns')),
			ratio(total(loop, 'wallMs'), total(ours, 'wallMs')),
		],
	);
	return rows;
}

export function markdownTable(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map((_, i) => (i < 2 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function textTable(header: string[], rows: string[][]): string {
	const plain = [header, ...rows].map((row) => row.map((cell) => cell.replace(/\*\*/g, '')));
	const widths = header.map((_, i) => Math.max(...plain.map((row) => row[i].length)));
	const fmt = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	return [fmt(plain[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...plain.slice(1).map(fmt)].join('\n');
}

function osName(): string {
	try {
		const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
		if (pretty) return `${pretty[1]}, Linux ${release()}`;
	} catch {
		// not Linux, or no os-release
	}
	return `${process.platform} ${release()}`;
}

export interface Machine {
	cpu: string;
	cores: number;
	ramGiB: string;
	os: string;
	benchNode: string;
	n8nNode: string;
	n8n: string;
}

export function machine(): Machine {
	const list = cpus();
	let n8nNode = 'unknown';
	try {
		n8nNode = execFileSync(node24Bin(), ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		// reported as unknown
	}
	const n8nPackage = JSON.parse(readFileSync(join(hostDir('n8n-2'), 'node_modules', 'n8n', 'package.json'), 'utf8'));
	return {
		cpu: list[0]?.model ?? 'unknown',
		cores: list.length,
		ramGiB: (totalmem() / 2 ** 30).toFixed(1),
		os: osName(),
		benchNode: process.version,
		n8nNode,
		n8n: String(n8nPackage.version),
	};
}

export function machineLines(m: Machine): string[] {
	return [
		`CPU: ${m.cpu}, ${m.cores} cores; RAM ${m.ramGiB} GiB`,
		`OS: ${m.os}`,
		`Node: ${m.benchNode} (bench driver and simulator), ${m.n8nNode} (n8n)`,
		`n8n: ${m.n8n} (the e2e cache's n8n-2 host), package loaded from dist/ through N8N_CUSTOM_EXTENSIONS`,
	];
}
