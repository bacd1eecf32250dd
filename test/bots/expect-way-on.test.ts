// The transcripts' dead-end check: a message must end something or offer a way on.
import { describe, expect, it } from 'vitest';
import { expectWayOn } from '../support/transcripts.ts';

describe('expectWayOn', () => {
  it('accepts an ending, buttons, or a question', () => {
    expectWayOn([{ text: 'Booked: Massage with Anna Weber\nTue 1 Dec 2026, 10:00', buttons: [] }]);
    expectWayOn([{ text: 'Pick a time (your time, Berlin):', buttons: ['10:00'] }]);
    expectWayOn([{ text: 'Which time zone are you in?', buttons: [] }]);
    expectWayOn([{ text: 'Booking request from Gina\n\nApproved by Clara.', buttons: [] }]);
  });

  it('fails on no answer, or on a message with no way on', () => {
    expect(() => expectWayOn([])).toThrow(/answered nothing/);
    expect(() =>
      expectWayOn([
        { text: 'Pick a time:', buttons: ['10:00'] },
        { text: 'There are no free times.', buttons: [] },
      ]),
    ).toThrow(/a dead end/);
  });
});
