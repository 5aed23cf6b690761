// Installs the real-n8n e2e hosts into the cache (see paths.ts) from the committed lock
// files: `npx tsx test/e2e/lib/install.ts [node24|n8n-2|n8n-1 ...]`.
// A host whose stamp matches the hash of its manifests is skipped, so this is cheap
// once the cache is warm. Output of npm goes to <cache>/logs/, progress to stdout.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	cacheRoot,
	cleanEnv,
	hostDir,
	manifestDir,
	n8nBin,
	node24Bin,
	node24Dir,
	pathWithNode24,
	stampFile,
	type HostName,
} from './paths';

/** Native modules n8n needs at run time that `--ignore-scripts` left unbuilt. */
const REBUILD: Record<HostName, string[]> = {
	node24: [],
	// sqlite3 is n8n's default database driver.
	'n8n-2': ['sqlite3'],
	// 1.x evaluates expressions in isolated-vm ("IsolatePool failed to create any bridges" without it).
	'n8n-1': ['isolated-vm', 'sqlite3'],
};

const started = Date.now();
function log(message: string): void {
	const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
	console.log(`[e2e-install ${t}s] ${message}`);
}

function secondsSince(t0: number): string {
	return `${((Date.now() - t0) / 1000).toFixed(0)}s`;
}

function logFile(host: HostName, step: string): string {
	const dir = join(cacheRoot(), 'logs');
	mkdirSync(dir, { recursive: true });
	return join(dir, `${host}-${step}.log`);
}

/** Runs a command with its output in a log file; on failure shows the log's tail. */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logPath: string): Promise<void> {
	const fd = openSync(logPath, 'w');
	return new Promise<void>((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			closeSync(fd);
			if (code === 0) return resolve();
			const tail = readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
			reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}) in ${cwd}; log ${logPath}:\n${tail}`));
		});
	});
}

/** What the stamp records: the manifests, what gets rebuilt, and the Node that builds it. */
function wantedStamp(host: HostName): string {
	const hash = createHash('sha256');
	hash.update(readFileSync(join(manifestDir(host), 'package.json')));
	hash.update(readFileSync(join(manifestDir(host), 'package-lock.json')));
	hash.update(REBUILD[host].join(','));
	if (host !== 'node24') hash.update(readFileSync(join(manifestDir('node24'), 'package-lock.json')));
	return hash.digest('hex');
}

function isInstalled(host: HostName): boolean {
	const stamp = stampFile(host);
	const entry = host === 'node24' ? node24Bin() : n8nBin(host);
	return existsSync(stamp) && existsSync(entry) && readFileSync(stamp, 'utf8').trim() === wantedStamp(host);
}

async function installHost(host: HostName): Promise<void> {
	if (isInstalled(host)) {
		log(`${host}: up to date, skipped`);
		return;
	}
	const dir = hostDir(host);
	const t0 = Date.now();
	// The stamp goes first so an interrupted install is never taken for a finished one.
	rmSync(stampFile(host), { force: true });
	mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		copyFileSync(join(manifestDir(host), file), join(dir, file));
	}
	// npm runs on Node 24 for the n8n hosts (their engines want it); node24 itself installs
	// with whatever Node runs this script.
	const env: NodeJS.ProcessEnv = host === 'node24' ? cleanEnv() : { ...cleanEnv(), PATH: pathWithNode24() };
	// --ignore-scripts: a Kafka client's native build in n8n's tree fails otherwise; what n8n
	// really needs is rebuilt below.
	log(`${host}: npm ci (log: ${logFile(host, 'ci')})`);
	await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], dir, env, logFile(host, 'ci'));
	log(`${host}: npm ci done in ${secondsSince(t0)}`);

	const rebuild = REBUILD[host];
	if (rebuild.length > 0) {
		const t1 = Date.now();
		log(`${host}: npm rebuild ${rebuild.join(' ')} against Node 24 headers (log: ${logFile(host, 'rebuild')})`);
		const buildEnv: NodeJS.ProcessEnv = {
			...env,
			// Build against Node 24's headers, not the machine's Node (~/.npmrc may set nodedir too).
			npm_config_nodedir: node24Dir(),
			// Prebuilt binaries are downloaded from hosts we cannot reach; go straight to the compiler.
			npm_config_build_from_source: 'true',
		};
		await run('npm', ['rebuild', '--loglevel=info', ...rebuild], dir, buildEnv, logFile(host, 'rebuild'));
		// Load each rebuilt module in Node 24 now, so a bad build fails here and not mid-test.
		const probe = rebuild.map((m) => `require(${JSON.stringify(m)});`).join('');
		await run(node24Bin(), ['-e', probe], dir, env, logFile(host, 'probe'));
		log(`${host}: rebuild done in ${secondsSince(t1)}`);
	}
	writeFileSync(stampFile(host), wantedStamp(host) + '\n');
	log(`${host}: installed in ${secondsSince(t0)}`);
}

async function main(): Promise<void> {
	const valid: HostName[] = ['node24', 'n8n-2', 'n8n-1'];
	const asked = process.argv.slice(2) as HostName[];
	for (const h of asked) if (!valid.includes(h)) throw new Error(`unknown host ${h}; use ${valid.join(', ')}`);
	const n8nHosts = (asked.length > 0 ? asked : valid).filter((h) => h !== 'node24');
	log(`cache ${cacheRoot()}`);
	// Node 24 is needed by every n8n host (npm runs on it, native modules build against it).
	await installHost('node24');
	// The two n8n trees are independent; installing them side by side mostly overlaps
	// network and disk waits, which is where the time goes on 2 cores.
	const results = await Promise.allSettled(n8nHosts.map((h) => installHost(h)));
	const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
	for (const f of failed) console.error(String(f.reason?.stack ?? f.reason));
	if (failed.length > 0) {
		log(`FAILED (${failed.length} host(s))`);
		process.exit(1);
	}
	log('all hosts ready');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
