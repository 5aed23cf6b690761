// Trackstar documents "ISO 8601" and its examples are UTC with Z. Accepting only a full
// date-time with an explicit zone catches nodes that send a bare date or a local time,
// which the real API would read in an unknown zone.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseIsoDateTime(value: string): number | undefined {
	const m = ISO_DATE_TIME.exec(value);
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0));
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	// Date.parse rolls 2025-02-30 over into March; the real API would reject it.
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
		return undefined;
	}
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

export function toIsoUtc(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}
