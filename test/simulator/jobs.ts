import { randomBytes } from 'node:crypto';

import { toIsoUtc } from './time';
import type { JobPlan, SyncJob } from './types';

interface StoredJob {
	fields: Omit<SyncJob, 'status'>;
	plan: JobPlan;
	createdMs: number;
	// Set by cancel or setJobStatus; wins over the plan from then on.
	forcedStatus?: string;
}

export interface NewJob {
	connectionId: string;
	functionName: string;
	startMs: number;
	endMs: number;
}

// Jobs resolve their status lazily from the clock at read time, so an injected clock
// moves them along and there are no per-job timers to clean up.
export class JobStore {
	private readonly stored = new Map<string, StoredJob>();
	private readonly plans: JobPlan[] = [];
	private defaultPlan: JobPlan;

	constructor(
		private readonly clock: () => number,
		defaultPlan: JobPlan,
	) {
		this.defaultPlan = { ...defaultPlan };
	}

	setDefaultPlan(plan: JobPlan): void {
		this.defaultPlan = { ...plan };
	}

	planNext(plans: JobPlan[]): void {
		this.plans.push(...plans.map((p) => ({ ...p })));
	}

	create(request: NewJob): SyncJob {
		const createdMs = this.clock();
		const fields = {
			id: `odsj_${randomBytes(8).toString('hex')}`,
			connection_id: request.connectionId,
			function_name: request.functionName,
			requested_start_time: toIsoUtc(request.startMs),
			requested_end_time: toIsoUtc(request.endMs),
			created_at: toIsoUtc(createdMs),
		};
		const plan = this.plans.shift() ?? { ...this.defaultPlan };
		this.stored.set(fields.id, { fields, plan, createdMs });
		// A new job is always reported open, even with durationMs 0: that is what the
		// create endpoint returns in reality.
		return toView(fields, 'open');
	}

	view(id: string): SyncJob | undefined {
		const job = this.stored.get(id);
		return job && toView(job.fields, this.statusOf(job));
	}

	all(): SyncJob[] {
		return [...this.stored.values()].map((job) => toView(job.fields, this.statusOf(job)));
	}

	force(id: string, status: string): void {
		const job = this.stored.get(id);
		if (!job) throw new Error(`Trackstar simulator: no job ${id}`);
		job.forcedStatus = status;
	}

	clear(defaultPlan: JobPlan): void {
		this.stored.clear();
		this.plans.length = 0;
		this.defaultPlan = { ...defaultPlan };
	}

	private statusOf(job: StoredJob): string {
		if (job.forcedStatus !== undefined) return job.forcedStatus;
		if (job.plan.outcome === 'open') return 'open';
		return this.clock() >= job.createdMs + job.plan.durationMs ? job.plan.outcome : 'open';
	}
}

// Key order matches the documented field list; nothing else ever leaks into the JSON.
function toView(fields: Omit<SyncJob, 'status'>, status: string): SyncJob {
	return {
		id: fields.id,
		connection_id: fields.connection_id,
		function_name: fields.function_name,
		status,
		requested_start_time: fields.requested_start_time,
		requested_end_time: fields.requested_end_time,
		created_at: fields.created_at,
	};
}
