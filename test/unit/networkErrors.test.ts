import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { networkCodeOf } from '../../nodes/TrackstarOnDemandSync/transport/networkErrors';

const node: INode = { id: '1', name: 'Trackstar', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

function clientError(code: string, message: string): Error {
	return Object.assign(new Error(message), { code });
}

describe('networkCodeOf', () => {
	it('reads the code of a raw client error', () => {
		expect(networkCodeOf(clientError('ECONNRESET', 'socket hang up'))).toBe('ECONNRESET');
	});

	it('finds the code behind an error wrapped in a cause chain', () => {
		const inner = clientError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1');
		const wrapped = Object.assign(new Error('request failed'), { cause: Object.assign(new Error('outer'), { cause: inner }) });
		expect(networkCodeOf(wrapped)).toBe('ECONNREFUSED');
	});

	it('finds it in a NodeApiError that rewrote the message (as n8n does)', () => {
		const error = new NodeApiError(node, clientError('ECONNRESET', 'socket hang up') as never);
		expect(error.message).not.toContain('ECONNRESET');
		expect(networkCodeOf(error)).toBe('ECONNRESET');
	});

	it('reads words when no code is kept', () => {
		expect(networkCodeOf(new Error('timeout of 30000ms exceeded'))).toBe('ETIMEDOUT');
		expect(networkCodeOf({ message: 'x', messages: ['socket hang up'] })).toBe('ECONNRESET');
	});

	it('falls back to any code, or nothing', () => {
		expect(networkCodeOf(clientError('ERR_SOMETHING', 'odd'))).toBe('ERR_SOMETHING');
		expect(networkCodeOf(new Error('odd'))).toBeUndefined();
		expect(networkCodeOf('text')).toBeUndefined();
	});
});
