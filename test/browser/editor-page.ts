// What an ops person does in the n8n 2.41 editor, as playwright steps on the editor's own
// data-test-id attributes (checked against the 2.41.1 DOM): a new workflow, a node from the nodes
// panel, its parameters and credential pickers, mock data on the Manual Trigger, "Execute step",
// and the output as JSON. Used by editor-nodes.test.ts.
import type { Locator, Page } from 'playwright-core';

const id = (testId: string) => `[data-test-id="${testId}"]`;

export class EditorPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		/** n8n's parser for the execution data of its REST API (scripts/editor/n8n-editor.js). */
		private readonly parseExecutionData: (text: string) => Record<string, any>,
	) {}

	get ndv(): Locator {
		return this.page.locator(id('ndv'));
	}

	/** A new, empty workflow (n8n saves it at once and gives it an id). */
	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.page.locator(id('canvas-add-button')).waitFor();
	}

	/**
	 * "Add first step", search the node by its display name and add it: a node of this package opens
	 * its details page ("Add to workflow"), a node with actions lists them (pick `action`). n8n adds
	 * a Manual Trigger in front of a regular node. Resolves with the node's panel open.
	 */
	async addNode(displayName: string, action?: string): Promise<void> {
		await this.page.locator(id('canvas-add-button')).click();
		const creator = this.page.locator(id('node-creator'));
		await creator.locator(id('node-creator-search-bar')).fill(displayName);
		await creator.locator(id('node-creator-item-name'), { hasText: new RegExp(`^${displayName}$`) }).first().click();
		if (action) await creator.locator(id('item-iterator-item'), { hasText: action }).first().click();
		else await this.page.getByRole('button', { name: 'Add to workflow' }).click();
		await this.ndv.waitFor();
	}

	async closeNdv(): Promise<void> {
		await this.ndv.locator(id('ndv-close-button')).click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	async openNode(name: string): Promise<void> {
		await this.page.locator(`${id('canvas-node')}[data-node-name="${name}"]`).dblclick();
		await this.ndv.waitFor();
	}

	/** The parameter's input in the open panel (parameter-input-<name>). */
	param(name: string): Locator {
		return this.ndv.locator(id(`parameter-input-${name}`)).first();
	}

	/** Throws naming the parameter when the panel does not show it. */
	async expectVisible(name: string, label: string): Promise<void> {
		const visible = await this.param(name).isVisible();
		if (!visible) throw new Error(`"${label}" (parameter ${name}) is not visible in the panel: the user cannot choose it`);
	}

	/** The option list the select at `name` opened (element-plus links it by aria-controls). */
	private async openList(name: string): Promise<Locator> {
		const combo = this.param(name).locator('input[role="combobox"]').first();
		await combo.click();
		const listId = await combo.getAttribute('aria-controls');
		const list = this.page.locator(`[id="${listId}"]`);
		await list.waitFor();
		return list;
	}

	private option(list: Locator, label: string): Locator {
		return list.locator('[role="option"]').filter({ has: this.page.locator('.option-headline', { hasText: new RegExp(`^${escape(label)}$`) }) });
	}

	/** Picks `label` in a single select. */
	async selectOption(name: string, label: string): Promise<void> {
		const list = await this.openList(name);
		await this.option(list, label).click();
		await list.waitFor({ state: 'hidden' });
	}

	/** Makes a multi-select hold exactly `labels`. */
	async selectOptions(name: string, labels: string[]): Promise<void> {
		const list = await this.openList(name);
		const options = list.locator('[role="option"]');
		for (let i = 0; i < (await options.count()); i++) {
			const option = options.nth(i);
			const label = (await option.locator('.option-headline').innerText()).trim();
			const selected = (await option.getAttribute('aria-selected')) === 'true';
			if (selected !== labels.includes(label)) await option.click();
		}
		await this.page.keyboard.press('Escape');
	}

	/** The labels a multi-select or select shows as chosen. */
	async chosen(name: string): Promise<string[]> {
		const tags = this.param(name).locator('.el-select__tags-text');
		if ((await tags.count()) > 0) return (await tags.allInnerTexts()).map((t) => t.trim());
		return [(await this.param(name).locator('input').first().inputValue()).trim()];
	}

	/** Types a fixed value into a string parameter. */
	async fill(name: string, value: string): Promise<void> {
		const input = this.param(name).locator('input, textarea').first();
		await input.fill(value);
		await input.press('Tab');
	}

	/** The label over each credential picker in the panel, in order. */
	async credentialLabels(): Promise<string[]> {
		return (await this.ndv.locator(`${id('node-credentials-slot')} ${id('credentials-label')}`).allInnerTexts()).map((t) => t.trim());
	}

	/** Picks the credential called `credentialName` in the picker labelled `label`. */
	async pickCredential(label: RegExp, credentialName: string): Promise<void> {
		const slot = this.ndv.locator(id('node-credentials-slot')).filter({ has: this.page.locator(id('credentials-label'), { hasText: label }) });
		const select = slot.locator(id('node-credentials-select'));
		const combo = select.locator('input').first();
		if ((await combo.inputValue()) === credentialName) return;
		await combo.click();
		const listId = await combo.getAttribute('aria-controls');
		await this.page.locator(`[id="${listId}"] [role="option"]`, { hasText: credentialName }).first().click();
	}

	/** "Set mock data" on the open Manual Trigger: its output becomes `items`. */
	async pinOutput(items: object[]): Promise<void> {
		await this.ndv.locator(id('ndv-edit-pinned-data')).click();
		const editor = this.ndv.locator(`${id('output-panel')} .cm-content`);
		await editor.click();
		await this.page.keyboard.press('ControlOrMeta+a');
		await this.page.keyboard.press('Delete');
		// insertText: typed brackets would be auto-closed by the code editor.
		await this.page.keyboard.insertText(JSON.stringify(items));
		await this.ndv.locator(id('output-panel')).getByRole('button', { name: 'Save' }).click();
		await editor.waitFor({ state: 'hidden' });
	}

	/** Clicks the panel's "Execute step" (for a trigger: starts listening / fetches a test event). */
	async execute(): Promise<void> {
		this.executedAfter = await this.latestExecution();
		await this.ndv.locator(id('node-execute-button')).first().click();
	}

	/**
	 * The run of `node` that "Execute step" started: waits for n8n to finish it and the panel to show
	 * it, then gives its items (as the editor's JSON view holds them, read in full from n8n's REST API
	 * since the view renders only the lines in sight) or the error the panel shows.
	 */
	async output(node: string, timeoutMs = 60_000): Promise<{ items?: Record<string, any>[]; error?: string }> {
		const deadline = Date.now() + timeoutMs;
		let run: Record<string, any> | undefined;
		for (;;) {
			const latest = await this.latestExecution();
			if (latest && latest.id !== this.executedAfter?.id && !['new', 'running', 'waiting'].includes(latest.status)) {
				run = await this.executionData(latest.id);
				break;
			}
			if (Date.now() > deadline) throw new Error(`no finished execution of "${node}" within ${timeoutMs / 1000} s`);
			await this.page.waitForTimeout(250);
		}
		const panel = this.ndv.locator(id('output-panel'));
		const nodeRun = run.resultData.runData?.[node]?.at(-1);
		const failure = nodeRun?.error ?? run.resultData.error;
		if (failure) {
			await panel.locator(id('node-error-message')).waitFor();
			return { error: (await panel.innerText()).trim() };
		}
		const items = ((nodeRun?.data?.main?.[0] ?? []) as Array<{ json: Record<string, any> }>).map((item) => item.json);
		// The panel shows the run: its first field's name is on screen.
		const first = Object.keys(items[0] ?? {})[0];
		if (first) await panel.locator(id('ndv-data-container')).getByText(first).first().waitFor();
		return { items };
	}

	private executedAfter: { id: string; status: string } | undefined;

	private workflowId(): string {
		const match = /\/workflow\/([^/?#]+)/.exec(this.page.url());
		if (!match || match[1] === 'new') throw new Error(`the editor shows no saved workflow (${this.page.url()})`);
		return match[1];
	}

	private async latestExecution(): Promise<{ id: string; status: string } | undefined> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: this.workflowId() }));
		const res = await this.page.request.get(`${this.baseUrl}/rest/executions?filter=${filter}&limit=1`);
		if (!res.ok()) throw new Error(`GET /rest/executions answered ${res.status()}`);
		return (await res.json()).data.results[0];
	}

	private async executionData(executionId: string): Promise<Record<string, any>> {
		const res = await this.page.request.get(`${this.baseUrl}/rest/executions/${executionId}`);
		if (!res.ok()) throw new Error(`GET /rest/executions/${executionId} answered ${res.status()}`);
		return this.parseExecutionData((await res.json()).data.data);
	}

	async screenshot(file: string): Promise<void> {
		// The pointer off the buttons: a hovered "Execute step" was captured without its label.
		await this.ndv.locator(id('output-panel')).hover({ position: { x: 5, y: 5 } });
		await this.page.screenshot({ path: file, animations: 'disabled' });
	}
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
