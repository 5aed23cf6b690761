import type { WaitClock } from '../../nodes/TrackstarOnDemandSync/wait/waitRun';

interface Sleeper {
	wakeAt: number;
	order: number;
	wake(): void;
}

/**
 * Virtual time for the waits and the simulator's job lifecycles (a WaitClock).
 *
 * Time stands still while any participant (one per wait in progress) is busy: sending
 * HTTP, queued in the transport's real-time rate limiter, backing off before a retry.
 * Once every participant is asleep in this clock, time jumps to the earliest wake-up.
 * So requests happen at frozen virtual instants (zero latency in virtual time) and a
 * 60-minute job takes as long as its requests do.
 */
export class VirtualClock implements WaitClock {
	private current: number;
	private participants = 0;
	private readonly sleepers = new Set<Sleeper>();
	private order = 0;
	private checkQueued = false;
	/** How many times time jumped forward. */
	jumps = 0;

	constructor(readonly startMs: number) {
		this.current = startMs;
	}

	/** Bound, so it can be handed around as a plain `() => number` (simulator clock). */
	readonly now = (): number => this.current;

	/** Counts `count` waits as taking part: time waits for them to fall asleep. */
	join(count = 1): void {
		this.participants += count;
	}

	leave(count = 1): void {
		this.participants -= count;
		if (this.participants < 0) throw new Error('VirtualClock: more leave() than join()');
		this.queueCheck();
	}

	/** Resolves at virtual now + ms, or at once (without throwing) when the signal fires. */
	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (ms <= 0 || signal?.aborted) return Promise.resolve();
		return new Promise<void>((resolve) => {
			const onAbort = () => {
				if (this.sleepers.delete(sleeper)) resolve();
			};
			const sleeper: Sleeper = {
				wakeAt: this.current + ms,
				order: this.order++,
				wake: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				},
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.sleepers.add(sleeper);
			this.queueCheck();
		});
	}

	// Checked on the next turn of the event loop, so a batch of waits falling asleep
	// together (or one waking a sibling) settles before time moves.
	private queueCheck(): void {
		if (this.checkQueued) return;
		this.checkQueued = true;
		setImmediate(() => {
			this.checkQueued = false;
			this.advance();
		});
	}

	private advance(): void {
		if (this.participants === 0 || this.sleepers.size < this.participants) return;
		let next = Infinity;
		for (const sleeper of this.sleepers) next = Math.min(next, sleeper.wakeAt);
		if (next > this.current) {
			this.current = next;
			this.jumps++;
		}
		const due = [...this.sleepers]
			.filter((sleeper) => sleeper.wakeAt <= this.current)
			.sort((a, b) => a.wakeAt - b.wakeAt || a.order - b.order);
		for (const sleeper of due) {
			this.sleepers.delete(sleeper);
			sleeper.wake();
		}
	}
}
