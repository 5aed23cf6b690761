// Entry point other suites import. The contract is documented in the README next to it.
export { SIM_CONNECTIONS, SIM_CREDENTIALS } from './connections';
export type { SimConnection } from './connections';
export { TrackstarSimulator } from './server';
export type {
	Fault,
	FaultKind,
	JobOutcome,
	JobPlan,
	JobShape,
	LoggedRequest,
	RateLimits,
	SimulatorOptions,
	SimulatorStats,
	SyncJob,
} from './types';
