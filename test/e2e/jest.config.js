// Jest config for the real-n8n end-to-end tests only (the unit tests' config must not
// pick these up: they need `npx tsx test/e2e/lib/install.ts` first and take minutes).
// Run: npx jest -c test/e2e/jest.config.js
const { join } = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['**/*.e2e.test.ts'],
	// Type checking is the typecheck script's job (tsconfig.jest.json: isolatedModules).
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: join(__dirname, '..', '..', 'tsconfig.jest.json') }],
	},
	// Each n8n CLI call boots n8n (5-15 s); one test file drives several calls.
	testTimeout: 300000,
	// Two cores: n8n processes from parallel workers would only slow each other down.
	maxWorkers: 1,
};
