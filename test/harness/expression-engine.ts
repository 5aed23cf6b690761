import { Expression } from 'n8n-workflow';

/**
 * Pins n8n-workflow's expression engine to `legacy` for in-process runs.
 *
 * n8n-workflow 2.41 has three engines: `legacy` (the @n8n/tournament evaluator running
 * in this process; the class default), `vm` (isolated-vm isolates) and `quickjs`
 * (WASM). n8n itself switches engines at startup from N8N_EXPRESSION_ENGINE through
 * `Expression.initExpressionEngine()`. isolated-vm is a native addon that is installed
 * here but not built for Node 20, so `vm` cannot start; the harness never calls
 * initExpressionEngine, and setting `legacy` here keeps it that way even if another
 * import changed the static setting (with `legacy` selected, a started VM evaluator
 * is bypassed). `legacy` evaluates the same language nodes see: `$json`, `$now`,
 * luxon and n8n's extensions.
 */
export function useInProcessExpressionEngine(): void {
	Expression.setExpressionEngine('legacy');
}
