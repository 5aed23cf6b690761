import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class TrackstarApi implements ICredentialType {
	name = 'trackstarApi';

	displayName = 'Trackstar API';

	icon: Icon = {
		light: 'file:../nodes/TrackstarOnDemandSync/trackstar.svg',
		dark: 'file:../nodes/TrackstarOnDemandSync/trackstar.dark.svg',
	};

	documentationUrl = 'https://docs.trackstarhq.com/how-to-guides/getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "Your organization's Trackstar API key (Trackstar dashboard, Settings)",
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access token of one connection. On-demand syncs run on the connection this token belongs to.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://production.trackstarhq.com',
			required: true,
			description:
				'Leave as is for live and sandbox connections. Change only to go through a proxy or a local simulator.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-trackstar-api-key': '={{$credentials.apiKey}}',
				'x-trackstar-access-token': '={{$credentials.accessToken}}',
			},
		},
	};

	// Listing connections filtered by the token proves the key (header) and the token
	// (header and query) together; /integrations would be cheaper to read but is limited
	// to one call a minute.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/connections',
			method: 'GET',
			qs: { access_token: '={{$credentials.accessToken}}' },
		},
		rules: [
			{
				// An unknown token narrows the list to nothing rather than failing the call.
				type: 'responseSuccessBody',
				properties: {
					key: 'total_count',
					value: 0,
					message:
						'The API key works, but no connection has this access token. Copy the token of the connection from the Trackstar dashboard.',
				},
			},
		],
	};
}
