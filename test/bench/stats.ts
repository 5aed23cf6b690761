/** Nearest-rank percentile (p in 0..100) of the values; NaN for none. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

export function mean(values: number[]): number {
	return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function max(values: number[]): number {
	return values.length === 0 ? NaN : Math.max(...values);
}

export interface Spread {
	p50: number;
	p95: number;
	max: number;
}

export function spread(values: number[]): Spread {
	return { p50: percentile(values, 50), p95: percentile(values, 95), max: max(values) };
}
