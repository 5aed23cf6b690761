/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	// Types are checked once by `npm run typecheck`; per-file checking here only made
	// every suite start 10-20 s slower.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
	// The in-engine suites send real HTTP and really wait; two workers fit two cores.
	maxWorkers: 2,
	testTimeout: 60_000,
};
