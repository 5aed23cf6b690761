// Debian's Chromium driven by playwright-core: never a downloaded browser, a fresh empty
// profile per launch, and n8n's `data-test-id` attribute for getByTestId().
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

/** The system Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const VIEWPORT = { width: 1440, height: 900 };

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
];

export function chromiumAvailable(): boolean {
	try {
		return statSync(CHROMIUM_PATH).isFile();
	} catch {
		return false;
	}
}

export interface BrowserSession {
	context: BrowserContext;
	page: Page;
	/** Closes the browser and deletes its profile; safe to call twice. */
	close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
	// n8n's editor marks elements with data-test-id (its own playwright suite sets the same).
	selectors.setTestIdAttribute('data-test-id');
	const userDataDir = mkdtempSync(join(tmpdir(), 'n8n-e2e-chromium-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
			locale: 'en-US',
			timezoneId: 'UTC',
			timeout: 60_000,
		});
	} catch (error) {
		rmSync(userDataDir, { recursive: true, force: true });
		throw error;
	}
	context.setDefaultTimeout(30_000);
	context.setDefaultNavigationTimeout(60_000);
	const page = context.pages()[0] ?? (await context.newPage());
	let closed: Promise<void> | undefined;
	return {
		context,
		page,
		close: async () => {
			closed ??= (async () => {
				try {
					await context.close();
				} finally {
					rmSync(userDataDir, { recursive: true, force: true });
				}
			})();
			await closed;
		},
	};
}
