// Small builders for e2e workflows and the test-only fixture node/package.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, e2eRoot, repoRoot } from './paths';
import type { Workflow } from './n8n';

/** Folder for N8N_CUSTOM_EXTENSIONS holding E2eFixture.node.js (type CUSTOM.e2eFixture). */
export const customNodeFixtureDir = join(e2eRoot, 'fixtures', 'custom-node');

export interface NodeSpec {
	name: string;
	type: string;
	typeVersion?: number;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

/**
 * Manual Trigger → nodes[0] → nodes[1] ... chained on output 0. Enough for most tests;
 * pass `connections` for anything branched.
 */
export function linearWorkflow(id: string, nodes: NodeSpec[], extra: Partial<Workflow> = {}): Workflow {
	const all = [{ name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, ...nodes];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name: `e2e ${id}`,
		nodes: all.map((node, i) => ({
			id: `${id}-${i}`,
			typeVersion: 1,
			position: [i * 220, 0],
			parameters: {},
			...node,
		})),
		connections,
		...extra,
	};
}

/**
 * Packs the fixture node as a community package `n8n-nodes-e2e-fixture` (node type
 * n8n-nodes-e2e-fixture.e2eFixture) with `npm pack`, like a published package, and
 * returns the .tgz path. Exercises the installed-package path without the real build.
 */
export function packFixturePackage(): string {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-fixture-pkg-'));
	mkdirSync(join(dir, 'dist'));
	copyFileSync(join(customNodeFixtureDir, 'E2eFixture.node.js'), join(dir, 'dist', 'E2eFixture.node.js'));
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-nodes-e2e-fixture',
				version: '0.0.1',
				license: 'MIT',
				keywords: ['n8n-community-node-package'],
				files: ['dist'],
				n8n: { n8nNodesApiVersion: 1, nodes: ['dist/E2eFixture.node.js'], credentials: [] },
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	const name = execFileSync('npm', ['pack', '--quiet', '--pack-destination', dir], { cwd: dir, env: cleanEnv(), encoding: 'utf8' }).trim();
	return join(dir, name.split('\n').pop() as string);
}

/**
 * `npm pack` of this repository (needs `npm run build` first: the package ships dist/),
 * into a temp folder; returns the .tgz path for N8nInstance.installPackageTarball().
 */
export function packRepoPackage(): string {
	if (!existsSync(join(repoRoot, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const dest = mkdtempSync(join(tmpdir(), 'n8n-e2e-repo-pkg-'));
	const out = execFileSync('npm', ['pack', '--quiet', '--pack-destination', dest], { cwd: repoRoot, env: cleanEnv(), encoding: 'utf8' });
	return join(dest, out.trim().split('\n').pop() as string);
}
