// Proves the real-n8n plumbing on both host versions: importing and executing a
// workflow, loading a node from N8N_CUSTOM_EXTENSIONS and from an installed community
// package tarball, cancelling a running execution, and serving /healthz.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { customNodeFixtureDir, linearWorkflow, packFixturePackage } from './lib/fixtures';
import { createN8nInstance, nodeItems, type N8nHost, type N8nInstance } from './lib/n8n';

const EXPECTED_VERSION: Record<N8nHost, string> = { 'n8n-2': '2.41.1', 'n8n-1': '1.123.81' };

function markerEvents(file: string): Array<Record<string, unknown>> {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
}

describe.each<N8nHost>(['n8n-2', 'n8n-1'])('real n8n %s', (host) => {
	let n8n: N8nInstance;
	let marker: string;

	beforeAll(async () => {
		n8n = await createN8nInstance({ host, customExtensions: customNodeFixtureDir });
		marker = join(n8n.userFolder, 'fixture-events.jsonl');
		const tgz = packFixturePackage();
		await n8n.installPackageTarball(tgz);
		rmSync(dirname(tgz), { recursive: true, force: true });
		// One import for all cases: every CLI call boots n8n afresh.
		await n8n.importWorkflow([
			linearWorkflow('smokeSet0000001', [
				{
					name: 'Set',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					parameters: { mode: 'raw', jsonOutput: '{"hello":"world","n":42}', options: {} },
				},
				{ name: 'No Op', type: 'n8n-nodes-base.noOp' },
			]),
			linearWorkflow('smokeFail000001', [
				{ name: 'Boom', type: 'n8n-nodes-base.stopAndError', parameters: { errorMessage: 'boom' } },
			]),
			linearWorkflow('smokeCustom0001', [{ name: 'Fixture', type: 'CUSTOM.e2eFixture' }]),
			linearWorkflow('smokePackage001', [{ name: 'Fixture', type: 'n8n-nodes-e2e-fixture.e2eFixture' }]),
			linearWorkflow('smokeWait000001', [
				{ name: 'Fixture', type: 'CUSTOM.e2eFixture', parameters: { waitMs: 60000, markerFile: marker } },
			]),
		]);
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	it('executes Manual Trigger → Set → No Op', async () => {
		const run = await n8n.execute('smokeSet0000001');
		expect(run.result?.status).toBe('success');
		expect(nodeItems(run.result!, 'Set')).toEqual([{ hello: 'world', n: 42 }]);
		expect(nodeItems(run.result!, 'No Op')).toEqual([{ hello: 'world', n: 42 }]);
	});

	it('still yields run data for a failed execution', async () => {
		const run = await n8n.execute('smokeFail000001');
		// n8n exits 1 here, or dies with SIGSEGV on the way out (seen on 2.41): use the result.
		expect(run.exitCode).not.toBe(0);
		expect(run.result?.status).toBe('error');
		expect(run.result?.data.resultData.error?.message).toBe('boom');
		expect(run.result?.data.resultData.runData['Boom'][0].error?.message).toBe('boom');
	});

	it('runs a node from N8N_CUSTOM_EXTENSIONS (CUSTOM.e2eFixture)', async () => {
		const run = await n8n.execute('smokeCustom0001');
		expect(nodeItems(run.result!, 'Fixture')).toEqual([
			expect.objectContaining({ ok: true, n8nVersion: EXPECTED_VERSION[host], aborted: false }),
		]);
	});

	it('runs a node from an installed community package tarball', async () => {
		const run = await n8n.execute('smokePackage001');
		expect(nodeItems(run.result!, 'Fixture')).toEqual([expect.objectContaining({ ok: true })]);
	});

	it('cancels a running execution after stopAfterMs, firing the node cancel signal', async () => {
		const run = await n8n.execute('smokeWait000001', { stopAfterMs: 3000, timeoutMs: 90000 });
		expect(run.cancelled).toBe(true);
		const events = markerEvents(marker);
		expect(events.map((e) => e.event)).toEqual(['started', 'abort-signal', 'finished']);
		expect(events[2]).toEqual(expect.objectContaining({ aborted: true }));
		expect(Number(events[2].waitedMs)).toBeLessThan(10000);
	});

	it('cancels at a chosen moment with executeAndStop', async () => {
		const before = markerEvents(marker).length;
		const started = () => markerEvents(marker).slice(before).some((e) => e.event === 'started');
		const res = await n8n.executeAndStop('smokeWait000001', { when: started, timeoutMs: 90000 });
		expect(res.stopSentAtMs).toBeDefined();
		expect(res.durationMs).toBeLessThan(45000);
		expect(markerEvents(marker).slice(before).map((e) => e.event)).toEqual(
			expect.arrayContaining(['started', 'abort-signal']),
		);
	});

	it('starts a server that answers /healthz and stops it', async () => {
		const server = await n8n.startServer();
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		const stopped = await server.stop();
		expect(stopped.timedOut).toBe(false);
	});
});
