import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/**
 * Masks the values of a credential's password fields wherever they appear in a message.
 * n8n's CredentialsTester only masks `$secrets` references; the harness masks every
 * password field too, because its messages end up in test output and CI logs.
 */
export function redactSecrets(
	message: string,
	data: ICredentialDataDecryptedObject,
	properties: INodeProperties[],
): string {
	const secrets = properties
		.filter((property) => property.typeOptions?.password)
		.map((property) => data[property.name])
		.filter((value): value is string => typeof value === 'string' && value.length > 0)
		// Longest first, so a secret containing another is masked whole.
		.sort((a, b) => b.length - a.length);
	let redacted = message;
	for (const secret of secrets) {
		redacted = redacted.split(secret).join('*****');
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) redacted = redacted.split(encoded).join('*****');
	}
	return redacted;
}
