// SIGINT and SIGTERM run the shutdown plan once, within a deadline; a second signal exits at once.
import type { ShutdownLogger, ShutdownPlan } from './shutdown-plan.ts';

export type SignalOptions = {
  /** After this, open work is abandoned: the process exits 1 (an embedded database is killed with it). */
  readonly deadlineMs: number;
  readonly exit: (code: number) => void;
};

// `npm start` forwards a terminal's Ctrl-C to us, and the terminal sends it too: a repeat this
// soon is the same keypress, not a person insisting.
const SAME_SIGNAL_MS = 1_000;

/**
 * Installs the handlers. The first signal logs 'shutting down' and runs `plan`; the process then
 * exits 0 when every step stopped cleanly, else 1. A second signal, or the deadline passing,
 * exits 1 at once without waiting for the plan.
 */
export function stopOnSignals(
  plan: ShutdownPlan,
  logger: ShutdownLogger,
  options: SignalOptions,
): void {
  let stoppingSince: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null && Date.now() - stoppingSince < SAME_SIGNAL_MS) return;
    if (stoppingSince !== null) {
      logger.warn({ signal }, 'second signal: exiting now without finishing the shutdown');
      options.exit(1);
      return;
    }
    stoppingSince = Date.now();
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.warn({ deadlineMs: options.deadlineMs }, 'shutdown deadline passed: exiting now');
      options.exit(1);
    }, options.deadlineMs);
    void plan.run().then((clean) => {
      clearTimeout(deadline);
      options.exit(clean ? 0 : 1);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
