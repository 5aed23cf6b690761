import { testCredential } from './harness';
import { SIM_CREDENTIALS, TrackstarSimulator } from './simulator';

// The package's compiled credential (dist/credentials/TrackstarApi.credentials.js),
// tested the way n8n's "Test" button does, against the simulator.
describe('trackstarApi credential test', () => {
	let sim: TrackstarSimulator;

	beforeAll(async () => {
		sim = await TrackstarSimulator.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.clearLog());

	const data = (overrides: Record<string, string> = {}) => ({
		apiKey: SIM_CREDENTIALS.apiKey,
		accessToken: SIM_CREDENTIALS.wmsAccessToken,
		baseUrl: sim.url,
		...overrides,
	});

	const expectNoSecrets = (message: string, ...secrets: string[]) => {
		for (const secret of secrets) expect(message).not.toContain(secret);
	};

	it('is OK with the right key and a WMS token, sending both as headers and the token as a filter', async () => {
		const result = await testCredential(data());

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.requests).toHaveLength(1);
		const [request] = sim.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/connections', status: 200 });
		expect(request.query.access_token).toBe(SIM_CREDENTIALS.wmsAccessToken);
		expect(request.headers['x-trackstar-api-key']).toBe(SIM_CREDENTIALS.apiKey);
		expect(request.headers['x-trackstar-access-token']).toBe(SIM_CREDENTIALS.wmsAccessToken);
	});

	it('fails with a wrong API key', async () => {
		const secrets = { apiKey: 'wrong_key_123456', accessToken: SIM_CREDENTIALS.wmsAccessToken };
		const result = await testCredential(data(secrets));

		expect(result.status).toBe('Error');
		expect(sim.requests.every((request) => request.status === 401)).toBe(true);
		expectNoSecrets(result.message, secrets.apiKey, secrets.accessToken);
	});

	it('fails with a token no connection has, through the responseSuccessBody rule', async () => {
		const secrets = { apiKey: SIM_CREDENTIALS.apiKey, accessToken: 'unknown_token_987654' };
		const result = await testCredential(data(secrets));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/no connection has this access token/);
		expect(sim.requests[0].status).toBe(200);
		expectNoSecrets(result.message, secrets.apiKey, secrets.accessToken);
	});

	it('works with a trailing slash on the base URL', async () => {
		const result = await testCredential(data({ baseUrl: `${sim.url}/` }));

		expect(result.status).toBe('OK');
		expect(sim.requests[0].path).toBe('/connections');
	});

	it('works with several trailing slashes on the base URL', async () => {
		const result = await testCredential(data({ baseUrl: `${sim.url}///` }));

		expect(result.status).toBe('OK');
		expect(sim.requests[0].path).toBe('/connections');
	});

	it('reports an unreachable server without the secrets', async () => {
		const closed = await TrackstarSimulator.start();
		const url = closed.url;
		await closed.stop();

		const result = await testCredential(data({ baseUrl: url }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/ECONNREFUSED/);
		expectNoSecrets(result.message, SIM_CREDENTIALS.apiKey, SIM_CREDENTIALS.wmsAccessToken);
	});
});
