// The package in n8n's real editor: `n8n start` (2.41.1) on 127.0.0.1 with the built
// package loaded from N8N_CUSTOM_EXTENSIONS, driven with Debian's Chromium through
// playwright-core. Checks what a user sees in the node's panel and in the credential
// form (tested against the simulator), and saves the screenshots in docs/images/.
// Skipped, not failed, when /usr/bin/chromium is missing (apt-get install chromium).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIM_CREDENTIALS, TrackstarSimulator } from '../simulator';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser, type BrowserSession } from './editor/browser';
import { EditorPage, waitUntil } from './editor/editorPage';
import {
	createTrackstarWorkflow,
	CREDENTIAL_TYPE,
	loadedNodeTypes,
	NODE_TYPE,
	setUpOwner,
	startEditorServer,
	type EditorServer,
} from './editor/server';
import { repoRoot } from './lib/paths';

const NODE_NAME = 'Trackstar On-Demand Sync';
const ICON = '/icons/CUSTOM/nodes/TrackstarOnDemandSync/trackstar.svg';
const SCREENSHOT_DIR = process.env.EDITOR_SCREENSHOT_DIR || join(repoRoot, 'docs', 'images');

const OPERATIONS = ['Cancel', 'Create', 'Get', 'Wait Until Complete'];
// n8n adds this to the Operation list of every node whose credential has `authenticate`.
const N8N_CUSTOM_API_CALL = 'Custom API Call';
const WMS_FUNCTIONS = [
	'Bills (get_bills)',
	'Inbound Shipments (get_inbound_shipments)',
	'Inventory Ledger (get_inventory_ledger)',
	'Orders (get_orders)',
	'Products (get_products)',
	'Returns (get_returns)',
];
const CARRIER_FUNCTIONS = ['Invoice Line Items (get_invoice_line_items)'];
const TIME_WINDOWS = ['Previous Period', 'Last Period', 'Custom'];
const WINDOW_FIELDS = ['previousUnit', 'lastAmount', 'lastUnit', 'startTime', 'endTime'];
const WAIT_OPTIONS = [
	'Cancel Job on Timeout',
	'Cancel Job When Execution Is Stopped',
	'Longest Poll Interval (Seconds)',
	'Route by Outcome',
];
const CREDENTIAL_FIELDS = ['API Key', 'Access Token', 'Base URL'];
// n8n's own field on credentials with `authenticate` (restricts HTTP Request node use).
const N8N_DOMAINS_FIELD = 'Allowed HTTP Request Domains';

const haveChromium = chromiumAvailable();
if (!haveChromium) {
	console.warn(`editor e2e skipped: ${CHROMIUM_PATH} not found (install it: apt-get install -y chromium)`);
}
const describeWithChromium = haveChromium ? describe : describe.skip;
const title = haveChromium
	? 'n8n 2.41 editor (Chromium)'
	: `n8n 2.41 editor (SKIPPED: ${CHROMIUM_PATH} not found; apt-get install -y chromium)`;

describeWithChromium(title, () => {
	let sim: TrackstarSimulator | undefined;
	let editor: EditorServer | undefined;
	let browser: BrowserSession | undefined;
	let ui: EditorPage;
	const browserLog: string[] = [];
	let failureDir: string | undefined;

	/**
	 * Runs a step; on failure saves a screenshot and the browser's console errors in a
	 * folder that outlives the run (n8n's own logs go with its user folder unless
	 * N8N_E2E_KEEP=1) and names it in the error.
	 */
	async function step(name: string, fn: () => Promise<void>): Promise<void> {
		try {
			await fn();
		} catch (error) {
			if (browser) {
				failureDir ??= mkdtempSync(join(tmpdir(), 'n8n-e2e-editor-failure-'));
				const file = join(failureDir, `${name}.png`);
				await browser.page.screenshot({ path: file }).catch(() => undefined);
				writeFileSync(join(failureDir, 'browser.log'), browserLog.join('\n'));
				(error as Error).message += `\n(screenshot and browser log in ${failureDir})`;
			}
			throw error;
		}
	}

	beforeAll(async () => {
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		sim = await TrackstarSimulator.start({ host: '127.0.0.1' });
		editor = await startEditorServer();
		browser = await launchBrowser();
		const log = (line: string) => browserLog.push(`${new Date().toISOString()} ${line}`);
		browser.page.on('pageerror', (e) => log(`pageerror ${e.message}`));
		browser.page.on('console', (m) => {
			if (m.type() === 'error' || m.type() === 'warning') log(`console.${m.type()} ${m.text()}`);
		});
		ui = new EditorPage(browser.page, editor.url);
		// The owner's auth cookie lands in the browser context's cookie jar.
		await setUpOwner(browser.context.request, editor.url);
		const workflowId = await createTrackstarWorkflow(browser.context.request, editor.url, 'Editor check', {
			operation: 'create',
		});
		await ui.openWorkflow(workflowId);
	}, 300_000);

	afterAll(async () => {
		try {
			await browser?.close();
		} finally {
			try {
				await editor?.dispose();
			} finally {
				await sim?.stop();
			}
		}
	}, 120_000);

	it('serves the node and the credential from the custom extension folder', async () => {
		const request = browser!.context.request;
		expect(await loadedNodeTypes(request, editor!.url)).toContain(NODE_TYPE);
		const credentials = (await (await request.get(`${editor!.url}/types/credentials.json`)).json()) as Array<{ name: string }>;
		expect(credentials.map((c) => c.name)).toContain(CREDENTIAL_TYPE);
		const icon = await request.get(`${editor!.url}${ICON}`);
		expect(icon.status()).toBe(200);
		expect(icon.headers()['content-type']).toMatch(/svg/);
	});

	it("renders the node's icon on the canvas", async () => {
		await step('canvas-icon', async () => {
			const node = ui.canvasNode(NODE_NAME);
			expect(await node.getAttribute('data-node-type')).toBe(NODE_TYPE);
			const icon = await ui.loadedIcon(node, ICON);
			expect(icon.naturalWidth).toBeGreaterThan(0);
		});
	});

	it('lists the four operations in the node panel', async () => {
		await step('operations', async () => {
			await ui.openNode(NODE_NAME);
			await ui.loadedIcon(ui.ndv, ICON); // the panel header shows the icon too
			const operations = await ui.dropdownOptions('operation');
			expect(operations.filter((o) => o !== N8N_CUSTOM_API_CALL)).toEqual(OPERATIONS);
			expect(operations.length - OPERATIONS.length).toBeLessThanOrEqual(1);
			expect(await ui.selectedOption('operation')).toBe('Create');
		});
	});

	it('shows the credential form; its test fails with a wrong token and succeeds against the simulator', async () => {
		await step('credential', async () => {
			await ui.openNode(NODE_NAME);
			await ui.openNewCredential();
			const labels = await ui.credentialFieldLabels();
			expect(labels.slice(0, 3)).toEqual(CREDENTIAL_FIELDS);
			expect(labels.slice(3).filter((l) => l !== N8N_DOMAINS_FIELD)).toEqual([]);

			sim!.clearLog();
			await ui.fillCredentialField('apiKey', SIM_CREDENTIALS.apiKey);
			await ui.fillCredentialField('accessToken', 'sim_token_nobody_has');
			await ui.fillCredentialField('baseUrl', sim!.url);
			const failed = await ui.saveCredentialAndTest();
			expect(failed.status).toBe('Error');
			expect(failed.message).toMatch(/no connection has this access token/);
			await ui.credentialModal.getByText(/Couldn.t connect with these settings/).waitFor();
			const wrongCalls = sim!.requestsMatching('GET', '/connections');
			expect(wrongCalls.length).toBeGreaterThan(0);
			expect(new Set(wrongCalls.map((r) => r.query.access_token))).toEqual(new Set(['sim_token_nobody_has']));

			sim!.clearLog();
			await ui.fillCredentialField('accessToken', SIM_CREDENTIALS.wmsAccessToken);
			const passed = await ui.saveCredentialAndTest();
			expect(passed).toEqual(expect.objectContaining({ status: 'OK' }));
			const calls = sim!.requestsMatching('GET', '/connections');
			expect(calls.length).toBeGreaterThan(0);
			expect(new Set(calls.map((r) => `${r.query.access_token} ${r.apiKeyValid}`))).toEqual(
				new Set([`${SIM_CREDENTIALS.wmsAccessToken} true`]),
			);

			// n8n 2.41 closes the form after a save whose test passed: reopen the saved
			// credential (n8n shows its last test result there).
			const success = ui.credentialModal.getByTestId('credentials-config-container-test-success');
			await waitUntil(
				async () => !(await ui.credentialModal.isVisible()) || (await success.isVisible()),
				'the credential form to close or show its test result',
			);
			if (!(await ui.credentialModal.isVisible())) await ui.openSelectedCredential();
			await success.waitFor({ state: 'visible', timeout: 30_000 });
			expect(await success.innerText()).toMatch(/Connection tested successfully/);
			expect((await ui.credentialFieldLabels()).slice(0, 3)).toEqual(CREDENTIAL_FIELDS);
			await ui.screenshot(join(SCREENSHOT_DIR, 'credential.png'));
			await ui.closeCredentialModal();
		});
	});

	it('Create: WMS lists exactly the six WMS functions, Carrier only Invoice Line Items', async () => {
		await step('functions', async () => {
			await ui.openNode(NODE_NAME);
			await ui.selectOption('operation', 'Create');
			expect(await ui.dropdownOptions('integrationType')).toEqual(['WMS', 'Carrier']);
			expect(await ui.selectedOption('integrationType')).toBe('WMS');
			expect(await ui.dropdownOptions('functionName')).toEqual(WMS_FUNCTIONS);

			await ui.selectOption('integrationType', 'Carrier');
			expect(await ui.dropdownOptions('functionName')).toEqual(CARRIER_FUNCTIONS);

			await ui.selectOption('integrationType', 'WMS');
			expect(await ui.dropdownOptions('functionName')).toEqual(WMS_FUNCTIONS);
		});
	});

	it('Create: offers the three time-window modes, each with its own fields', async () => {
		await step('time-window', async () => {
			await ui.openNode(NODE_NAME);
			await ui.selectOption('operation', 'Create');
			expect(await ui.dropdownOptions('timeWindow')).toEqual(TIME_WINDOWS);

			await ui.selectOption('timeWindow', 'Last Period');
			expect(await ui.visibleParameters(WINDOW_FIELDS)).toEqual(['lastAmount', 'lastUnit']);
			await ui.selectOption('timeWindow', 'Custom');
			expect(await ui.visibleParameters(WINDOW_FIELDS)).toEqual(['startTime', 'endTime']);
			await ui.selectOption('timeWindow', 'Previous Period');
			expect(await ui.visibleParameters(WINDOW_FIELDS)).toEqual(['previousUnit']);
			expect(await ui.dropdownOptions('previousUnit')).toEqual(['Day', 'Week', 'Month']);
		});
	});

	it('Create: Wait for Completion shows the timeout and the four wait options', async () => {
		await step('create-wait', async () => {
			await ui.openNode(NODE_NAME);
			await ui.selectOption('operation', 'Create');
			expect(await ui.visibleParameters(['timeout'])).toEqual([]);
			await ui.setSwitch('waitForCompletion', true);
			await ui.parameter('timeout').waitFor({ state: 'visible' });
			expect(await ui.parameterLabel('timeout')).toBe('Timeout (Seconds)');
			expect(await ui.collectionOptions()).toEqual(WAIT_OPTIONS);
			await ui.setSwitch('waitForCompletion', false);
			await ui.parameter('timeout').waitFor({ state: 'hidden' });

			// The panel as a user first sees it: WMS, Orders, previous day, no waiting.
			expect(await ui.selectedOption('integrationType')).toBe('WMS');
			expect(await ui.selectedOption('functionName')).toBe('Orders (get_orders)');
			expect(await ui.selectedOption('timeWindow')).toBe('Previous Period');
			await ui.screenshot(join(SCREENSHOT_DIR, 'create-panel.png'));
		});
	});

	it('Wait Until Complete: shows Timeout (Seconds) and the Options collection with the four options', async () => {
		await step('wait-until-complete', async () => {
			await ui.openNode(NODE_NAME);
			await ui.selectOption('operation', 'Wait Until Complete');
			await ui.parameter('syncJobId').waitFor({ state: 'visible' });
			await ui.parameter('syncJobId').locator('input, textarea').first().fill('odsj_0123456789abcdef');
			const timeout = ui.parameter('timeout');
			await timeout.waitFor({ state: 'visible' });
			expect(await ui.parameterLabel('timeout')).toBe('Timeout (Seconds)');
			expect(await timeout.locator('input').first().inputValue()).toBe('3600');
			expect(await ui.visibleParameters(['integrationType', 'functionName', 'timeWindow', 'waitForCompletion'])).toEqual([]);
			expect(await ui.parameters.getByText('Options', { exact: true }).isVisible()).toBe(true);
			expect(await ui.collectionOptions(true)).toEqual(WAIT_OPTIONS);
			await ui.screenshot(join(SCREENSHOT_DIR, 'wait-panel.png'));
			await ui.closeOpenDropdowns();
		});
	});
});
