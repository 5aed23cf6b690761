// Side-effect module: import it before anything that loads n8n-core (./core does).
// n8n-core's config resolves the user folder (where InstanceSettings writes
// `.n8n/config` with an encryption key) from N8N_USER_FOLDER, falling back to the
// home folder. Tests must never write there, so each load of the harness (in Jest:
// each test file) gets its own throwaway folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const folder = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
process.env.N8N_USER_FOLDER = folder;

// A throwaway key for the throwaway folder, so n8n-core does not announce on stdout that
// it generated one (the demo and the benchmarks print their reports there).
process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('base64');

// Nothing may phone home while tests run.
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED ??= 'false';

const removeFolder = () => rmSync(folder, { recursive: true, force: true });
// Jest's sandbox never sees the process 'exit' event, so under Jest remove the folder
// after the test file (registering fails when the harness is first loaded inside a
// test; the exit hook then covers plain Node scripts and is harmless otherwise).
const jestAfterAll = (globalThis as { afterAll?: (fn: () => void) => void }).afterAll;
try {
	if (jestAfterAll) jestAfterAll(removeFolder);
	else process.once('exit', removeFolder);
} catch {
	process.once('exit', removeFolder);
}

export const harnessUserFolder = folder;
