// The first part is exactly the rule set n8n's community-node scanner runs (as
// exported by @n8n/node-cli); it covers the shipped code in nodes/ and credentials/
// and package.json. Tests and scripts run under Node, not inside n8n, so they may use
// timers and process and get TypeScript's recommended rules only.
import { config as n8nCommunityConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const devOnly = ['test/**', 'scripts/**', 'examples/**', 'coverage/**', 'docs/**'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '**/*.js', '**/*.mjs', ...devOnly.filter((p) => p !== 'test/**' && p !== 'scripts/**')] },
	// An entry with nothing but `ignores` is a global ignore: extending it would hide the
	// tests from every rule, so only scope the entries that carry rules or files.
	...n8nCommunityConfig.map((entry) =>
		entry.files || entry.rules || entry.extends
			? { ...entry, ignores: [...(entry.ignores ?? []), 'test/**', 'scripts/**'] }
			: entry,
	),
	...tseslint.config({
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	}),
];
