// Signals: the first runs the plan and exits with its outcome; a real second one or the deadline exits 1 now.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShutdownPlan, type ShutdownPlan } from '../../src/lifecycle/shutdown-plan.ts';
import { stopOnSignals } from '../../src/lifecycle/stop-on-signals.ts';

const logged: string[] = [];
const logger = {
  info: (_: Record<string, unknown>, message: string) => logged.push(`info ${message}`),
  warn: (_: Record<string, unknown>, message: string) => logged.push(`warn ${message}`),
  error: (_: Record<string, unknown>, message: string) => logged.push(`error ${message}`),
};

afterEach(() => {
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  logged.length = 0;
  vi.useRealTimers();
});

function planThat(stop: () => Promise<void>): ShutdownPlan {
  const plan = createShutdownPlan(logger);
  plan.add('work', 'jobs', stop);
  return plan;
}

describe('stopOnSignals', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s runs the plan and exits 0 when it was clean',
    async (signal) => {
      const exits: number[] = [];
      let stopped = 0;
      stopOnSignals(
        planThat(async () => {
          stopped += 1;
        }),
        logger,
        {
          deadlineMs: 5_000,
          exit: (code) => exits.push(code),
        },
      );
      process.emit(signal, signal);
      await vi.waitFor(() => expect(exits).toEqual([0]));
      expect(stopped).toBe(1);
      expect(logged).toEqual(['info shutting down']);
    },
  );

  it('exits 1 when a step failed', async () => {
    const exits: number[] = [];
    stopOnSignals(
      planThat(async () => Promise.reject(new Error('x'))),
      logger,
      {
        deadlineMs: 5_000,
        exit: (code) => exits.push(code),
      },
    );
    process.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([1]));
  });

  it('treats a repeat within a second as the same keypress, and a later one as "exit now"', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const exits: number[] = [];
    stopOnSignals(
      planThat(() => new Promise<void>(() => {})),
      logger,
      {
        deadlineMs: 60_000,
        exit: (code) => exits.push(code),
      },
    );
    process.emit('SIGINT', 'SIGINT');
    // npm forwards the terminal's Ctrl-C: the same signal arrives twice at once.
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([]);
    vi.advanceTimersByTime(1_500);
    process.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([1]);
    expect(logged).toContain('warn second signal: exiting now without finishing the shutdown');
  });

  it('exits 1 when the plan outlives the deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const exits: number[] = [];
    stopOnSignals(
      planThat(() => new Promise<void>(() => {})),
      logger,
      {
        deadlineMs: 10_000,
        exit: (code) => exits.push(code),
      },
    );
    process.emit('SIGTERM', 'SIGTERM');
    vi.advanceTimersByTime(9_999);
    expect(exits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(exits).toEqual([1]);
    expect(logged).toContain('warn shutdown deadline passed: exiting now');
  });
});
