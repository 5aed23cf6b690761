// Drives a real n8n (installed by install.ts) through its CLI, on Node 24, in a fresh
// user folder per instance. Every CLI call boots n8n afresh (5-15 s), so tests should
// import once and execute several times rather than create many instances.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanEnv, n8nBin, node24Bin, pathWithNode24, type N8nHost } from './paths';
import { parseRunOutput, type RunResult } from './run-data';

export * from './run-data';
export type { N8nHost } from './paths';

export interface N8nInstanceOptions {
	host: N8nHost;
	/** Folder(s) with built node/credential files, loaded as package CUSTOM (N8N_CUSTOM_EXTENSIONS). */
	customExtensions?: string | string[];
	/** Extra or overriding environment for every n8n process of this instance. */
	env?: Record<string, string | undefined>;
}

export interface CliResult {
	args: string[];
	exitCode: number | null;
	/** Set when n8n died from a signal (e.g. SIGSEGV while exiting after a good run). */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
	/** When a StopOptions signal was sent, in ms after spawn. */
	stopSentAtMs?: number;
}

export interface ExecuteResult extends CliResult {
	/** The run data --rawOutput printed, if any (also printed for failed executions, not for cancelled ones). */
	result?: RunResult;
	/** n8n reported the execution as cancelled (a timeout, see stopAfterMs). */
	cancelled: boolean;
}

export interface StopOptions {
	/** Send the signal this long after n8n was spawned (includes its ~5-10 s boot). */
	afterMs?: number;
	/** Or once this returns true (polled every 100 ms), e.g. when a mock API saw the first poll. */
	when?: () => boolean | Promise<boolean>;
	signal?: NodeJS.Signals;
}

export interface ExecuteOptions {
	/** Kill n8n (SIGKILL) after this long; default 120 s. */
	timeoutMs?: number;
	/**
	 * Stop the execution this long after it started (rounded up to whole seconds): sets
	 * EXECUTIONS_TIMEOUT, so n8n cancels it like a stop from the UI and the node's
	 * execution cancel signal fires. n8n then prints "The execution was cancelled because
	 * it timed out", exits 1 and prints no run data. A workflow's own
	 * settings.executionTimeout wins over this.
	 */
	stopAfterMs?: number;
	/**
	 * Send a signal to `n8n execute` mid-run. Note: `execute` does NOT cancel the running
	 * execution on SIGTERM/SIGINT; it waits for it to finish (up to
	 * N8N_GRACEFUL_SHUTDOWN_TIMEOUT) and prints its result. Use stopAfterMs or
	 * executeAndStop() to cancel.
	 */
	stop?: StopOptions;
	/** Extra environment for this call only (e.g. EXECUTIONS_TIMEOUT). */
	env?: Record<string, string | undefined>;
}

export interface ServerHandle {
	url: string;
	port: number;
	process: ChildProcess;
	/** SIGTERM, then SIGKILL if n8n has not exited after graceMs (default 20 s). */
	stop(graceMs?: number): Promise<CliResult>;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/** A port nobody listens on right now (n8n's task broker would clash on its fixed 5679). */
export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
		});
	});
}

const sleep = async (ms: number) => await new Promise((r) => setTimeout(r, ms));

export class N8nInstance {
	readonly host: N8nHost;
	/** N8N_USER_FOLDER; n8n keeps its database, config and installed packages under .n8n/. */
	readonly userFolder: string;
	private readonly baseEnv: NodeJS.ProcessEnv;
	private callCount = 0;
	private servers = new Set<ServerHandle>();

	constructor(options: N8nInstanceOptions, brokerPort: number) {
		this.host = options.host;
		if (!existsSync(n8nBin(this.host)) || !existsSync(node24Bin())) {
			throw new Error(`${this.host} is not installed; run: npx tsx test/e2e/lib/install.ts`);
		}
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${this.host}-`));
		mkdirSync(this.logDir, { recursive: true });
		const extensions = [options.customExtensions ?? []].flat().map((p) => resolve(p));
		const env = cleanEnv();
		// Settings a developer's shell might carry would change what we test; drop them.
		for (const key of Object.keys(env)) {
			if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|WEBHOOK_URL$|NODE_OPTIONS$|NODE_ENV$)/.test(key)) delete env[key];
		}
		this.baseEnv = {
			...env,
			// n8n's task runner is started with process.execPath, but npm and anything else
			// n8n spawns by name should also find Node 24 first.
			PATH: pathWithNode24(),
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			N8N_LOG_LEVEL: 'info', // --rawOutput is printed through the logger at info
			N8N_LOG_OUTPUT: 'console',
			// Offline and quiet: no telemetry, version checks, templates or banners.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			// 1.x warns on every call that the generated config file is world-readable.
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			// Task runners: always on in 2.x (their broker gets a free port so instances can
			// run side by side); 1.x defaults to off, which we keep: no runner process to
			// start and the community node never needs one.
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			...(this.host === 'n8n-1' ? { N8N_RUNNERS_ENABLED: 'false' } : {}),
			// A stop during shutdown waits at most this long for running executions.
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '30',
			...(extensions.length > 0 ? { N8N_CUSTOM_EXTENSIONS: extensions.join(';') } : {}),
			...options.env,
		};
	}

	get logDir(): string {
		return join(this.userFolder, 'e2e-logs');
	}

	/** Folder n8n installs community packages into (InstanceSettings.nodesDownloadDir). */
	get nodesDir(): string {
		return join(this.userFolder, '.n8n', 'nodes');
	}

	/** Spawns n8n with stdout/stderr going to files: n8n may exit before a pipe drains. */
	private spawnCli(args: string[], extraEnv: Record<string, string | undefined> = {}) {
		const n = ++this.callCount;
		const name = `${String(n).padStart(3, '0')}-${args[0].replace(/[^a-z0-9]+/gi, '_')}`;
		const outPath = join(this.logDir, `${name}.out`);
		const errPath = join(this.logDir, `${name}.err`);
		const out = openSync(outPath, 'w');
		const err = openSync(errPath, 'w');
		const child = spawn(node24Bin(), [n8nBin(this.host), ...args], {
			cwd: this.userFolder,
			env: { ...this.baseEnv, ...extraEnv },
			stdio: ['ignore', out, err],
		});
		closeSync(out);
		closeSync(err);
		const started = Date.now();
		const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit, reject) => {
			child.on('error', reject);
			child.on('exit', (code, signal) => resolveExit({ code, signal }));
		});
		const collect = async (timedOut: boolean, stopSentAtMs?: number): Promise<CliResult> => {
			const { code, signal } = await exited;
			return {
				args,
				exitCode: code,
				signal,
				stdout: readFileSync(outPath, 'utf8'),
				stderr: readFileSync(errPath, 'utf8'),
				durationMs: Date.now() - started,
				timedOut,
				stopSentAtMs,
			};
		};
		return { child, exited, collect, started, outPath, errPath };
	}

	/** Runs one n8n CLI command to its end (SIGKILL after timeoutMs). */
	async cli(args: string[], options: { timeoutMs?: number; stop?: StopOptions; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
		const run = this.spawnCli(args, options.env);
		let done = false;
		let timedOut = false;
		let stopSentAtMs: number | undefined;
		const killer = setTimeout(() => {
			timedOut = true;
			run.child.kill('SIGKILL');
		}, options.timeoutMs ?? 120_000);
		const stop = options.stop;
		if (stop) {
			void (async () => {
				while (!done) {
					const due = stop.afterMs !== undefined && Date.now() - run.started >= stop.afterMs;
					if (due || (stop.when && (await stop.when()))) {
						if (!done) {
							stopSentAtMs = Date.now() - run.started;
							run.child.kill(stop.signal ?? 'SIGTERM');
						}
						return;
					}
					await sleep(100);
				}
			})();
		}
		try {
			await run.exited;
		} finally {
			done = true;
			clearTimeout(killer);
		}
		return await run.collect(timedOut, stopSentAtMs);
	}

	private async cliOrThrow(args: string[], success: RegExp): Promise<CliResult> {
		const res = await this.cli(args);
		// Judge by what n8n printed: it sometimes crashes while exiting after doing the work.
		if (!success.test(res.stdout + res.stderr)) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${res.exitCode ?? res.signal}):\n${res.stdout}\n${res.stderr}`);
		}
		return res;
	}

	/** `n8n import:credentials`: plain `data` is encrypted by n8n on import. */
	async importCredentials(credentials: Credential[]): Promise<void> {
		const file = join(this.logDir, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		await this.cliOrThrow(['import:credentials', `--input=${file}`], /Successfully imported/);
	}

	/** `n8n import:workflow`; each workflow needs a fixed `id` to execute it by. */
	async importWorkflow(workflows: Workflow | Workflow[]): Promise<void> {
		const list = [workflows].flat().map((wf) => {
			if (!wf.id) throw new Error(`workflow "${wf.name}" needs an id`);
			return { active: false, settings: { executionOrder: 'v1' }, ...wf };
		});
		const file = join(this.logDir, `workflows-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(list, null, 2));
		await this.cliOrThrow(['import:workflow', `--input=${file}`], /Successfully imported/);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`. Look at `result` rather than `exitCode` alone:
	 * a good run can still end in a crash on exit, and a failed one exits 1 with its run data.
	 */
	async execute(workflowId: string, options: ExecuteOptions = {}): Promise<ExecuteResult> {
		const timeoutEnv = options.stopAfterMs !== undefined ? { EXECUTIONS_TIMEOUT: String(Math.max(1, Math.ceil(options.stopAfterMs / 1000))) } : {};
		const res = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			timeoutMs: options.timeoutMs,
			stop: options.stop,
			env: { ...timeoutEnv, ...options.env },
		});
		return { ...res, result: parseRunOutput(res.stdout), cancelled: /execution was cancelled/i.test(res.stdout) };
	}

	/**
	 * Runs a workflow and cancels it at a chosen moment (`when` returns true, or `afterMs`
	 * after spawn), the CLI way that really cancels: `n8n execute-batch` answers SIGTERM
	 * with ActiveExecutions.shutdown(cancelAll) (SystemShutdownExecutionCancelledError),
	 * so the node's execution cancel signal fires. n8n exits 0 right after the cancel and
	 * prints no run data, and the node may not get to finish its own clean-up: observe
	 * the node through its side effects (e.g. the requests a mock API received).
	 */
	async executeAndStop(workflowId: string, stop: StopOptions & { timeoutMs?: number }): Promise<CliResult> {
		const { timeoutMs, ...when } = stop;
		return await this.cli(['execute-batch', `--ids=${workflowId}`, '--shortOutput'], { timeoutMs, stop: when });
	}

	/**
	 * Installs a packed community package (`npm pack` output) the way n8n's
	 * CommunityPackagesService does (same in 1.123 and 2.41): unpack it into
	 * <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name>, drop its dev/peer/optional
	 * dependencies, `npm install` its own dependencies there with scripts off, and record
	 * it in nodes/package.json. n8n loads every n8n-nodes-* folder there at start-up, so
	 * its nodes appear as <package name>.<node name>.
	 */
	async installPackageTarball(tgzPath: string): Promise<{ name: string; version: string; dir: string }> {
		const staging = mkdtempSync(join(this.logDir, 'pkg-'));
		await this.runTool('tar', ['-xzf', resolve(tgzPath), '-C', staging, '--strip-components=1'], this.userFolder);
		const pkg = JSON.parse(readFileSync(join(staging, 'package.json'), 'utf8'));
		// n8n provides n8n-workflow itself; installing the peer would load a second copy.
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete pkg[key];
		const dir = join(this.nodesDir, 'node_modules', pkg.name);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(join(dir, '..'), { recursive: true });
		renameSync(staging, dir);
		writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
		await this.runTool(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			dir,
			{ NODE_ENV: 'production' },
		);
		const manifestPath = join(this.nodesDir, 'package.json');
		const manifest = existsSync(manifestPath)
			? JSON.parse(readFileSync(manifestPath, 'utf8'))
			: { name: 'installed-nodes', private: true, dependencies: {} };
		manifest.dependencies = { ...manifest.dependencies, [pkg.name]: pkg.version };
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		return { name: pkg.name, version: pkg.version, dir };
	}

	private async runTool(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
		const child = spawn(cmd, args, { cwd, env: { ...this.baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		const code = await new Promise<number | null>((r, reject) => {
			child.on('error', reject);
			child.on('close', r);
		});
		if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${code}) in ${cwd}:\n${output}`);
	}

	/** `n8n start` on 127.0.0.1:<port>, resolved once GET /healthz answers 200 and n8n says it is up. */
	async startServer(options: { port?: number; readyTimeoutMs?: number; env?: Record<string, string> } = {}): Promise<ServerHandle> {
		const port = options.port ?? (await freePort());
		const run = this.spawnCli(['start'], {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false', // plain http on localhost
			...options.env,
		});
		const url = `http://127.0.0.1:${port}`;
		let exited = false;
		void run.exited.then(() => (exited = true));
		const handle: ServerHandle = {
			url,
			port,
			process: run.child,
			stop: async (graceMs = 20_000) => {
				this.servers.delete(handle);
				if (!exited) run.child.kill('SIGTERM');
				let killed = false;
				const killer = setTimeout(() => {
					killed = true;
					run.child.kill('SIGKILL');
				}, graceMs);
				try {
					const res = await run.collect(false);
					return { ...res, timedOut: killed };
				} finally {
					clearTimeout(killer);
				}
			},
		};
		this.servers.add(handle);
		const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
		while (Date.now() < deadline) {
			if (exited) break;
			try {
				// /healthz answers as soon as the HTTP server listens, which is before migrations
				// and workflow activation; n8n logs the editor URL only once all of that is done.
				const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
				if (res.status === 200 && readFileSync(run.outPath, 'utf8').includes('Editor is now accessible via')) return handle;
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
		const res = await handle.stop(5000);
		throw new Error(`n8n start did not become healthy on ${url} (exit ${res.exitCode ?? res.signal}):\n${res.stdout}\n${res.stderr}`);
	}

	/** Stops servers this instance started and deletes its user folder (keep with N8N_E2E_KEEP=1). */
	async dispose(): Promise<void> {
		await Promise.all([...this.servers].map(async (s) => await s.stop()));
		if (!process.env.N8N_E2E_KEEP) rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export async function createN8nInstance(options: N8nInstanceOptions): Promise<N8nInstance> {
	return new N8nInstance(options, await freePort());
}
