// Runs the simulator as its own process for the demo and for manual n8n runs:
//   npx tsx test/simulator/cli.ts [--port N] [--shape bare|wrapped] [--duration-ms N] [--outcome S]
// Request lines show method, path and status only. Paths never carry secrets here
// (the access_token query parameter lives in the query string, which is not printed).
import { SIM_CONNECTIONS, SIM_CREDENTIALS } from './connections';
import { TrackstarSimulator } from './server';
import type { JobShape, LoggedRequest, SimulatorOptions } from './types';

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): SimulatorOptions {
	const options: SimulatorOptions = { port: toInt(env.TRACKSTAR_SIM_PORT, 'TRACKSTAR_SIM_PORT') ?? 0 };
	let durationMs = 2000;
	let outcome = 'completed';
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		switch (flag) {
			case '--port':
				options.port = toInt(value, flag);
				break;
			case '--shape':
				if (value !== 'bare' && value !== 'wrapped') throw new Error('--shape must be bare or wrapped');
				options.shape = value as JobShape;
				break;
			case '--duration-ms':
				durationMs = toInt(value, flag) ?? durationMs;
				break;
			case '--outcome':
				if (!value) throw new Error('--outcome needs a value');
				outcome = value;
				break;
			default:
				throw new Error(`Unknown argument ${flag}`);
		}
		i++;
	}
	options.defaultJob = { outcome, durationMs };
	return options;
}

function toInt(value: string | undefined, name: string): number | undefined {
	if (value === undefined || value === '') return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${value}`);
	return n;
}

function requestLine(entry: LoggedRequest): string {
	const time = new Date().toISOString().slice(11, 23);
	const fault = entry.fault ? ` (fault: ${entry.fault})` : '';
	const status = entry.status === 0 ? 'RESET' : String(entry.status);
	return `${time} ${entry.method} ${entry.path} ${status}${fault}`;
}

function banner(sim: TrackstarSimulator, options: SimulatorOptions): string {
	const rows: Array<[string, string]> = [
		['API key (full)', SIM_CREDENTIALS.apiKey],
		['API key (read-only)', SIM_CREDENTIALS.readOnlyApiKey],
		...SIM_CONNECTIONS.map((c): [string, string] => [
			`token ${c.integration_type} (${c.integration_name}, ${c.connection_id})`,
			c.accessToken,
		]),
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	const job = options.defaultJob;
	return [
		`Trackstar simulator listening on ${sim.url}`,
		`jobs: ${options.shape ?? 'bare'} shape, ${job?.outcome} after ${job?.durationMs} ms`,
		'',
		...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
		'',
		JSON.stringify({ url: sim.url, ...SIM_CREDENTIALS }),
	].join('\n');
}

async function main(): Promise<void> {
	let options: SimulatorOptions;
	try {
		options = parseCliArgs(process.argv.slice(2), process.env);
	} catch (error) {
		console.error((error as Error).message);
		process.exit(2);
	}
	const sim = await TrackstarSimulator.start({ ...options, onRequest: (entry) => console.log(requestLine(entry)) });
	console.log(banner(sim, options));

	const shutdown = async (signal: string) => {
		console.log(`${signal}: stopping`);
		await sim.stop();
		process.exit(0);
	};
	process.once('SIGINT', () => void shutdown('SIGINT'));
	process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
