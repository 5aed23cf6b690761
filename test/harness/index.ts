// In-engine test harness: runs workflows and credential tests with n8n-core in this
// process. ./core (imported by the modules below) sets up a private N8N_USER_FOLDER
// before n8n-core loads.
import './env';

export { INSTANCE_BASE_URL } from './additional-data';
export { CredentialStore } from './credential-store';
export { HarnessCredentialTypes } from './credential-types';
export { HarnessCredentialsHelper } from './credentials-helper';
export { useInProcessExpressionEngine } from './expression-engine';
export { HarnessNodeTypes, type NodeTypeLike } from './node-types';
export { CUSTOM_PREFIX, PACKAGE_NAME } from './package-files';
export { redactSecrets } from './redact';
export { buildRunResult, type ErrorSummary, type RunResult, type RunStatus } from './run-result';
export {
	DEFAULT_TIMEZONE,
	runWorkflow,
	type RunControl,
	type RunWorkflowOptions,
} from './run-workflow';
export * from './stand-ins';
export {
	testCredential,
	type CredentialTestResult,
	type TestCredentialOptions,
} from './test-credential';
export type { WorkflowJson } from './workflow-json';
