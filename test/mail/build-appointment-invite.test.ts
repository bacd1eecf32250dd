// The invite's instants survive DST changes and half-hour zones; a cancel supersedes the request.
import { describe, expect, it } from 'vitest';
import {
  type AppointmentInviteInput,
  buildAppointmentInvite,
} from '../../src/mail/build-appointment-invite.ts';
import { NOW, readInvite } from './mail-fixtures.ts';

function input(overrides: Partial<AppointmentInviteInput>): AppointmentInviteInput {
  return {
    uid: 'appt-1@slotline',
    sequence: 0,
    method: 'REQUEST',
    start: new Date('2026-12-01T14:00:00Z'),
    end: new Date('2026-12-01T15:00:00Z'),
    summary: 'Haircut with Ana',
    description: 'Haircut with Ana',
    location: null,
    meetingUrl: null,
    organizer: { name: 'Ana', email: 'bookings@slotline.test' },
    attendee: { name: 'Bob', email: 'bob@example.com' },
    timezone: 'Europe/Berlin',
    now: NOW,
    ...overrides,
  };
}

describe('buildAppointmentInvite', () => {
  it('keeps the instants of an appointment that spans the spring-forward change', () => {
    // Berlin 01:30 CET to 03:30 CEST on 29 Mar 2026 is one real hour.
    const start = new Date('2026-03-29T00:30:00Z');
    const end = new Date('2026-03-29T01:30:00Z');
    const { event } = readInvite(buildAppointmentInvite(input({ start, end })).content);
    expect(event.start.toISOString()).toBe(start.toISOString());
    expect(event.end?.toISOString()).toBe(end.toISOString());
  });

  it('keeps the instants in a half-hour zone, whatever the process zone is', () => {
    const start = new Date('2026-12-01T08:30:00Z'); // 14:00 in Kolkata (+05:30)
    const end = new Date('2026-12-01T09:15:00Z');
    const ics = buildAppointmentInvite(input({ start, end, timezone: 'Asia/Kolkata' })).content;
    expect(ics).toContain('DTSTART:20261201T083000Z');
    expect(ics).toContain('DTEND:20261201T091500Z');
    expect(readInvite(ics).event.start.toISOString()).toBe(start.toISOString());
  });

  it('writes a cancel with the same UID, the higher SEQUENCE, METHOD:CANCEL and STATUS:CANCELLED', () => {
    const cancel = buildAppointmentInvite(input({ method: 'CANCEL', sequence: 3 }));
    const { event, method } = readInvite(cancel.content);
    expect(cancel.method).toBe('CANCEL');
    expect(method).toBe('CANCEL');
    expect(event.uid).toBe('appt-1@slotline');
    expect(Number(event.sequence)).toBe(3);
    expect(event.status).toBe('CANCELLED');
    expect(cancel.content).toMatch(/^DTSTAMP:20261124T100000Z\r?$/m);
  });

  it('puts a meeting link in LOCATION and URL when there is no place', () => {
    const ics = buildAppointmentInvite(input({ meetingUrl: 'https://meet.example.com/abc' }));
    const { event } = readInvite(ics.content);
    expect(event.location).toBe('https://meet.example.com/abc');
    expect(ics.content).toContain('URL;VALUE=URI:https://meet.example.com/abc');
  });

  it('leaves out a party without an email and keeps one with it', () => {
    const ics = buildAppointmentInvite(
      input({
        attendee: { name: 'Bob', email: null },
        organizer: { name: 'Ana', email: 'a@x.test' },
      }),
    ).content;
    expect(ics).not.toContain('ATTENDEE');
    expect(ics).toContain('ORGANIZER;CN="Ana":mailto:a@x.test');
  });

  it('refuses an end that is not after the start, and a negative sequence', () => {
    const at = new Date('2026-12-01T14:00:00Z');
    expect(() => buildAppointmentInvite(input({ start: at, end: at }))).toThrow(/ends before/);
    expect(() => buildAppointmentInvite(input({ sequence: -1 }))).toThrow(/sequence/);
  });
});
