// The order in which a running Slotline lets go: inbound traffic, then background work, then storage.

/** Inbound stops new work arriving; work finishes what is running; storage closes last. */
type ShutdownPhase = 'inbound' | 'work' | 'storage';

const PHASES: readonly ShutdownPhase[] = ['inbound', 'work', 'storage'];

export type ShutdownLogger = {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
};

export type ShutdownPlan = {
  /** Adds a step; within a phase, the step added last runs first (it was started last). */
  add(phase: ShutdownPhase, name: string, stop: () => Promise<void>): void;
  /**
   * Runs every step once, phase by phase; the steps of one phase run together. A step that throws
   * is logged and the rest still run. Resolves true when every step succeeded. Calling it again
   * returns the same run.
   */
  run(): Promise<boolean>;
};

/** An empty plan; the composition root adds a step for each thing it starts, as it starts it. */
export function createShutdownPlan(logger: ShutdownLogger): ShutdownPlan {
  const steps = new Map<ShutdownPhase, { name: string; stop: () => Promise<void> }[]>(
    PHASES.map((phase) => [phase, []]),
  );
  let running: Promise<boolean> | null = null;
  const runAll = async () => {
    let clean = true;
    for (const phase of PHASES) {
      const current = [...(steps.get(phase) ?? [])].reverse();
      const results = await Promise.allSettled(current.map((step) => step.stop()));
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') return;
        clean = false;
        logger.error(
          { step: current[i]?.name, err: { name: (result.reason as Error)?.name } },
          'a shutdown step failed',
        );
      });
    }
    return clean;
  };
  return {
    add(phase, name, stop) {
      steps.get(phase)?.push({ name, stop });
    },
    run() {
      running ??= runAll();
      return running;
    },
  };
}
