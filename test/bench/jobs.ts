import { SIM_CREDENTIALS } from '../simulator';
import { mulberry32 } from './seededRandom';

export const SEED = 20260110;

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export interface BenchJob {
	/** e.g. "30 min", "30 min (exact)". */
	label: string;
	durationMs: number;
	/** The exactly-30-minute job the GET target is judged on. */
	headline: boolean;
}

// Each class: nominal duration and how many jobs; each job is the nominal ±15%, so jobs
// end at arbitrary points between two checks rather than on a round number.
const CLASSES: Array<{ label: string; ms: number; count: number }> = [
	{ label: '30 s', ms: 30 * SECOND, count: 3 },
	{ label: '2 min', ms: 2 * MINUTE, count: 3 },
	{ label: '10 min', ms: 10 * MINUTE, count: 2 },
	{ label: '30 min', ms: 30 * MINUTE, count: 1 },
	{ label: '60 min', ms: 60 * MINUTE, count: 1 },
];
const JITTER = 0.15;

/** The mixed-duration jobs of the GET and lag comparison, shortest first. */
export function jobMix(seed = SEED): BenchJob[] {
	const random = mulberry32(seed);
	const jobs: BenchJob[] = [{ label: '30 min (exact)', durationMs: 30 * MINUTE, headline: true }];
	for (const { label, ms, count } of CLASSES) {
		for (let i = 0; i < count; i++) {
			const factor = 1 + JITTER * (2 * random() - 1);
			jobs.push({ label, durationMs: Math.round(ms * factor), headline: false });
		}
	}
	return jobs.sort((a, b) => a.durationMs - b.durationMs);
}

/** A simulator connection the node can create jobs on, with its own rate limit. */
export interface Connection {
	name: string;
	accessToken: string;
	createParameters: { integrationType: string; functionName: string };
}

// Trackstar (and the node's transport) limit requests per access token. Compressed time
// turns hours of polling into seconds, where the real-time limit of 8 GETs/s would be the
// only cost; splitting the jobs over the simulator's two connections halves that.
export const CONNECTIONS: Connection[] = [
	{
		name: 'wms',
		accessToken: SIM_CREDENTIALS.wmsAccessToken,
		createParameters: { integrationType: 'wms', functionName: 'get_orders' },
	},
	{
		name: 'carrier',
		accessToken: SIM_CREDENTIALS.carrierAccessToken,
		createParameters: { integrationType: 'carrier', functionName: 'get_invoice_line_items' },
	},
];

/** Splits jobs over the connections so each gets about the same total job time. */
export function splitOverConnections<T extends { durationMs: number }>(jobs: T[], count = CONNECTIONS.length): T[][] {
	const lanes: T[][] = Array.from({ length: count }, () => []);
	const load = new Array<number>(count).fill(0);
	for (const job of [...jobs].sort((a, b) => b.durationMs - a.durationMs)) {
		const lane = load.indexOf(Math.min(...load));
		lanes[lane].push(job);
		load[lane] += job.durationMs;
	}
	return lanes;
}
