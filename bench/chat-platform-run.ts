// What one platform's run of the chat bench yields, and the figures made from it.
import type { FlowOutcome, Turn } from './chat-flow.ts';

export type PlatformRun = {
  readonly outcomes: FlowOutcome[];
  /** Deliveries of one update to the engine beyond its first. */
  readonly duplicates: number;
  /** The engine's time per event, in ms. */
  readonly engineMs: readonly number[];
};

export type LatencyFigures = {
  readonly updates: number;
  /** Updates that got no reply at the fake, or not all of it, within the timeout. */
  readonly lost: number;
  readonly duplicates: number;
  readonly booked: number;
  readonly users: number;
  /** Update made available to the bot until its first reply reached the fake, in ms. */
  readonly firstReply: { readonly p50: number; readonly p99: number };
  /** Until its last reply reached the fake (a turn with two replies waits for both), in ms. */
  readonly allReplies: { readonly p50: number; readonly p99: number };
  /** The engine's share: handleChatEvent alone (database included), in ms. */
  readonly engine: { readonly p50: number; readonly p99: number };
};

/** Sums a run up; percentiles are nearest-rank over every update that was answered. */
export function figuresOf(run: PlatformRun): LatencyFigures {
  const turns = run.outcomes.flatMap((o) => o.turns);
  const answered = turns.filter((t): t is Turn => t !== null);
  const first = answered.map((t) => t.firstReplyAt - t.startedAt);
  const all = answered.map((t) => t.lastReplyAt - t.startedAt);
  return {
    updates: turns.length,
    lost: turns.length - answered.length,
    duplicates: run.duplicates,
    booked: run.outcomes.filter((o) => o.booked).length,
    users: run.outcomes.length,
    firstReply: { p50: percentile(first, 50), p99: percentile(first, 99) },
    allReplies: { p50: percentile(all, 50), p99: percentile(all, 99) },
    engine: { p50: percentile([...run.engineMs], 50), p99: percentile([...run.engineMs], 99) },
  };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[rank] ?? Number.NaN) * 10) / 10;
}
