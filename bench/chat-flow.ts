// One simulated user clicking through a booking: /book, then the button each step calls for.
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_PROVIDERS } from './chat-database.ts';

export type ShownButton = { readonly label: string; readonly data: string };

/** One update's trip: when it was made available to the bot, when its replies reached the fake. */
export type Turn = {
  readonly startedAt: number;
  readonly firstReplyAt: number;
  readonly lastReplyAt: number;
};

/** A user on one platform, driving the real adapter through that platform's fake. */
export type BenchUser = {
  /** Sends a text (or slash command); resolves once every reply arrived, null when one never did. */
  say(text: string): Promise<Turn | null>;
  /** Presses a button of the newest bot message; resolves as say() does. */
  press(button: ShownButton): Promise<Turn | null>;
  /** The newest bot message in this user's chat. */
  shown(): { text: string; buttons: ShownButton[] };
};

export type FlowOutcome = { readonly turns: (Turn | null)[]; readonly booked: boolean };

/** At most this many presses after /book: a flow that loops is a failed booking, not a hang. */
const MAX_PRESSES = 10;

/**
 * Books as user number `index` of the bench: its own provider, day and time, so 50 users never
 * race for one slot (a race is the booking bench's subject). Waits `thinkMs` between a reply and
 * the next click. Never throws for a lost reply: it ends the flow and records null.
 */
export async function clickThroughBooking(
  user: BenchUser,
  index: number,
  thinkMs: number,
): Promise<FlowOutcome> {
  const turns: (Turn | null)[] = [await user.say('/book')];
  for (let i = 0; i < MAX_PRESSES && turns.at(-1) !== null; i += 1) {
    const button = nextButton(user.shown().buttons, index);
    if (button === null) break;
    if (thinkMs > 0) await sleep(thinkMs);
    turns.push(await user.press(button));
  }
  return { turns, booked: /^Booked: /.test(user.shown().text) };
}

/** The button this user presses next, or null when the flow is over. */
function nextButton(buttons: ShownButton[], index: number): ShownButton | null {
  const choice: Record<string, number> = {
    ok: 0,
    pv: index % BENCH_PROVIDERS,
    sv: 0,
    dy: Math.floor(index / BENCH_PROVIDERS) % 5,
    tm: Math.floor(index / (BENCH_PROVIDERS * 5)),
  };
  for (const action of ['ok', 'pv', 'sv', 'dy', 'tm']) {
    const wanted = `:${action}${action === 'ok' ? '' : `:${choice[action]}`}`;
    const button = buttons.find((b) => b.data.endsWith(wanted));
    if (button) return button;
  }
  return buttons.find((b) => b.label === 'Berlin') ?? null;
}
