// Page helpers for n8n 2.41's editor, built on the data-test-id names n8n's own playwright
// suite uses (packages/testing/playwright in n8n-io/n8n) and on ARIA roles:
//   canvas-node (data-node-name), ndv, node-parameters, parameter-input-<name>,
//   collection-parameter-add, node-credentials-empty-state, node-credentials-select,
//   credential-edit-button, editCredential-modal, credential-connection-parameter,
//   credential-save-button, credentials-config-container-test-success.
// Dropdowns are element-plus selects: the combobox's aria-controls names its listbox, so
// options are read from that list only (closed poppers stay in the DOM).
import type { Locator, Page, Response } from 'playwright-core';

export const UI_TIMEOUT = 30_000;

export class EditorPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
		// The editor is a SPA: the canvas nodes appear once it has loaded the workflow.
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 90_000 });
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	get parameters(): Locator {
		return this.ndv.getByTestId('node-parameters');
	}

	/** Opens the node's panel (NDV) by double-clicking it on the canvas; no-op when open. */
	async openNode(name: string): Promise<void> {
		if (await this.ndv.isVisible()) return;
		await this.canvasNode(name).dblclick();
		await this.ndv.waitFor({ timeout: UI_TIMEOUT });
		await this.parameter('operation').waitFor({ timeout: UI_TIMEOUT });
	}

	parameter(name: string): Locator {
		return this.parameters.getByTestId(`parameter-input-${name}`);
	}

	/** The label above a parameter, as shown (first line of its parameter-item). */
	async parameterLabel(name: string): Promise<string> {
		const item = this.parameters
			.getByTestId('parameter-item')
			.filter({ has: this.page.getByTestId(`parameter-input-${name}`) })
			.first();
		return (await item.innerText()).split('\n')[0].trim();
	}

	/** Names of the parameters the panel shows right now (visible inputs only). */
	async visibleParameters(names: string[]): Promise<string[]> {
		const shown: string[] = [];
		for (const name of names) if (await this.parameter(name).isVisible()) shown.push(name);
		return shown;
	}

	/** The text shown in a dropdown parameter's input (the selected option's name). */
	async selectedOption(name: string): Promise<string> {
		return await this.parameter(name).getByRole('combobox').first().inputValue();
	}

	private async openList(combobox: Locator): Promise<{ list: Locator; close: () => Promise<void> }> {
		await combobox.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
		const listId = await combobox.getAttribute('aria-controls');
		if (!listId) throw new Error('dropdown without aria-controls');
		const list = this.page.locator(`[id="${listId}"]`);
		await combobox.click();
		await list.getByRole('option').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
		const close = async () => {
			if (await list.isVisible()) await combobox.click();
			await list.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
		};
		return { list, close };
	}

	/** The option names (headline only, no description) a listbox offers, in order. */
	private async optionNames(list: Locator): Promise<string[]> {
		return await list.getByRole('option').evaluateAll((items) =>
			items.map((item) => (item.querySelector('.option-headline') ?? item).textContent?.trim() ?? ''),
		);
	}

	/** Opens a dropdown parameter, reads its options and closes it again. */
	async dropdownOptions(name: string, keepOpen = false): Promise<string[]> {
		const { list, close } = await this.openList(this.parameter(name).getByRole('combobox').first());
		const names = await this.optionNames(list);
		if (!keepOpen) await close();
		return names;
	}

	/** Picks an option of a dropdown parameter by its exact name and waits for it to show. */
	async selectOption(name: string, option: string): Promise<void> {
		const combobox = this.parameter(name).getByRole('combobox').first();
		if ((await combobox.inputValue()) === option) return;
		const { list } = await this.openList(combobox);
		const names = await this.optionNames(list);
		const index = names.indexOf(option);
		if (index < 0) throw new Error(`${name} has no option "${option}" (has: ${names.join(', ')})`);
		await list.getByRole('option').nth(index).click();
		await list.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
		await waitUntil(async () => (await combobox.inputValue()) === option, `${name} to show "${option}"`);
	}

	/** Sets a boolean parameter's switch. */
	async setSwitch(name: string, on: boolean): Promise<void> {
		const sw = this.parameter(name).getByRole('switch');
		const checked = async () => (await sw.getAttribute('aria-checked')) === 'true';
		if ((await checked()) === on) return;
		await this.parameter(name).locator('.el-switch').click();
		await waitUntil(async () => (await checked()) === on, `${name} switch to turn ${on ? 'on' : 'off'}`);
	}

	/** The "Add option" dropdown of a collection parameter (n8n shows one per collection). */
	collectionAdd(): Locator {
		return this.parameters.getByTestId('collection-parameter-add').getByRole('combobox').first();
	}

	/** The options a collection offers to add; keepOpen leaves the list open (for a screenshot). */
	async collectionOptions(keepOpen = false): Promise<string[]> {
		const { list, close } = await this.openList(this.collectionAdd());
		const names = await this.optionNames(list);
		if (!keepOpen) await close();
		return names;
	}

	async closeOpenDropdowns(): Promise<void> {
		await this.page.mouse.click(5, 5); // outside every popper; the NDV stays open
	}

	// ---- credentials --------------------------------------------------------------------

	get credentialModal(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	/** "Connect to <service>" when the node has no credential yet: opens a new credential form. */
	async openNewCredential(): Promise<void> {
		await this.ndv.getByTestId('node-credentials-empty-state').click();
		await this.credentialModal.waitFor({ timeout: UI_TIMEOUT });
	}

	/** The pencil next to the node's credential: opens the saved credential's form. */
	async openSelectedCredential(): Promise<void> {
		await this.ndv.getByTestId('credential-edit-button').click();
		await this.credentialModal.waitFor({ timeout: UI_TIMEOUT });
	}

	/** Field labels of the credential form, without the required-marker. */
	async credentialFieldLabels(): Promise<string[]> {
		const fields = this.credentialModal.getByTestId('credential-connection-parameter');
		await fields.first().waitFor({ timeout: UI_TIMEOUT });
		const texts = await fields.allInnerTexts();
		return texts.map((t) => t.split('\n')[0].replace(/\s*\*\s*$/, '').trim());
	}

	async fillCredentialField(name: string, value: string): Promise<void> {
		const input = this.credentialModal.getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
		await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
		await input.fill(value);
		await waitUntil(async () => (await input.inputValue()) === value, `credential field ${name} to hold its value`);
	}

	/**
	 * Clicks Save; n8n saves the credential, then tests it (POST /rest/credentials/test).
	 * Returns what that test answered: { status: 'OK' | 'Error', message }.
	 */
	async saveCredentialAndTest(): Promise<{ status: string; message: string }> {
		const tested = this.page.waitForResponse(
			(r: Response) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
			{ timeout: 60_000 },
		);
		await this.credentialModal.getByTestId('credential-save-button').click();
		const response = await tested;
		const body = (await response.json()) as { data?: { status: string; message: string } };
		if (!body.data) throw new Error(`unexpected credential test answer: ${JSON.stringify(body)}`);
		return body.data;
	}

	async closeCredentialModal(): Promise<void> {
		if (!(await this.credentialModal.isVisible())) return;
		await this.credentialModal.getByRole('button', { name: 'Close this dialog' }).click();
		await this.credentialModal.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
	}

	// ---- icons and screenshots ----------------------------------------------------------

	/** Waits until an <img> under root has loaded a non-empty image; returns its src and width. */
	async loadedIcon(root: Locator, srcPart: string): Promise<{ src: string; naturalWidth: number }> {
		const img = root.locator(`img[src*="${srcPart}"]`).first();
		await img.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
		// (No DOM lib in this tsconfig: the image is typed by the fields read here.)
		const read = async () =>
			await img.evaluate((el) => {
				const image = el as unknown as { complete: boolean; naturalWidth: number; currentSrc: string; src: string };
				return { complete: image.complete, src: image.currentSrc || image.src, naturalWidth: image.naturalWidth };
			});
		await waitUntil(async () => {
			const state = await read();
			return state.complete && state.naturalWidth > 0;
		}, `icon ${srcPart} to load`);
		const { src, naturalWidth } = await read();
		return { src, naturalWidth };
	}

	/** Closes n8n's toasts so they do not cover a screenshot. */
	async dismissToasts(): Promise<void> {
		const close = this.page.locator('.el-notification:visible .el-notification__closeBtn');
		for (let i = 0; i < 10 && (await close.count()) > 0; i++) {
			await close
				.first()
				.click({ timeout: 2_000 })
				.catch(() => undefined); // it may fade out by itself meanwhile
		}
		await this.page.locator('.el-notification:visible').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
	}

	async screenshot(path: string): Promise<void> {
		await this.dismissToasts();
		// Park the mouse on a blank spot (right edge of the panel's output side, outside any
		// dialog) so no hover controls show in the picture.
		await this.page.mouse.move(1400, 600);
		await this.page.waitForTimeout(400); // let popper/transition animations settle
		await this.page.screenshot({ path, animations: 'disabled', caret: 'hide' });
	}
}

/** Polls fn (every 100 ms) until it returns true; throws after timeoutMs. */
export async function waitUntil(fn: () => Promise<boolean>, what: string, timeoutMs = UI_TIMEOUT): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	while (Date.now() < deadline) {
		try {
			if (await fn()) return;
		} catch (error) {
			lastError = error;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
