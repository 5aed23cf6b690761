export { CREDENTIAL_TYPE, DEFAULT_REQUEST_TIMEOUT_MS, ExecutionStoppedError } from './request';
export { isTransient } from './errors';
export { cancelSyncJob, createSyncJob, getSyncJob } from './syncJobs';
export type { CancelOptions, CreateSyncJobBody, SyncJob } from './syncJobs';
