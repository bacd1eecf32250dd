// The SMTP mailer against a real local SMTP server: the invite arrives, failures sort right.
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentMail } from '../../src/mail/appointment-mail.ts';
import type { MailMessage } from '../../src/mail/mail-types.ts';
import { MailRejectedError, MailUnavailableError } from '../../src/mail/mail-types.ts';
import { createSmtpMailer } from '../../src/mail/smtp-mailer.ts';
import { END, en, mailView, NOW, readInvite, START } from './mail-fixtures.ts';
import { mimeParts, partOfType } from './mime-parts.ts';
import {
  closedPort,
  startSmtpServer,
  type TestSmtpOptions,
  type TestSmtpServer,
} from './smtp-test-server.ts';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const started = await startSmtpServer(options);
  servers.push(started);
  return started;
}

function mailer(smtpUrl: string, lines: string[] = []) {
  return createSmtpMailer({
    smtpUrl,
    from: 'Slotline <bookings@slotline.test>',
    logger: {
      info: (fields, message) => lines.push(`${message} ${JSON.stringify(fields)}`),
      warn: () => {},
      error: () => {},
    },
    clock: () => NOW,
  });
}

function inviteOf(raw: string) {
  const parts = mimeParts(raw);
  const attachment = parts.find((part) =>
    part.headers['content-disposition']?.includes('filename=invite.ics'),
  );
  if (!attachment) throw new Error('no invite.ics attachment');
  return { parts, ...readInvite(attachment.body) };
}

async function sendError(smtpUrl: string, message: MailMessage): Promise<unknown> {
  return mailer(smtpUrl)
    .send(message)
    .then(
      () => null,
      (error: unknown) => error,
    );
}

describe('createSmtpMailer', () => {
  it('reuses its connection: twenty mails one after another open one', async () => {
    const smtp = await server();
    const pooled = mailer(smtp.url);
    const about = { kind: 'confirmation', party: 'client', appointmentId: 'a-1' } as const;
    for (let i = 0; i < 20; i += 1) {
      await pooled.send({ ...appointmentMail(en, 'confirmation', mailView()), about });
    }
    expect(smtp.received).toHaveLength(20);
    expect(smtp.connections()).toBe(1);
    pooled.close();
  });

  it('delivers a confirmation whose invite.ics holds the appointment', async () => {
    const smtp = await server();
    const lines: string[] = [];
    const about = { kind: 'confirmation', party: 'client', appointmentId: 'a-1' } as const;
    await mailer(smtp.url, lines).send({
      ...appointmentMail(en, 'confirmation', mailView()),
      about,
    });

    expect(smtp.received).toHaveLength(1);
    const { parts, event, method } = inviteOf(smtp.received[0] ?? '');
    expect(parts[0]?.headers.to).toBe('bob@example.com');
    expect(parts[0]?.headers.from).toBe('Slotline <bookings@slotline.test>');
    expect(partOfType(parts, 'text/plain').body).toContain('15:00–16:00 (Berlin time)');
    expect(partOfType(parts, 'text/calendar').headers['content-type']).toContain('method=REQUEST');
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe('6f1c2a4e-0000-4000-8000-000000000001@slotline');
    expect(event.start.toISOString()).toBe(START.toISOString());
    expect(event.end?.toISOString()).toBe(END.toISOString());
    expect(event.summary).toBe('Haircut with Ana Ruiz');
    expect(lines).toEqual([`mail sent over SMTP ${JSON.stringify(about)}`]);
  });

  it('sends a cancel for the same appointment with the same UID and a higher SEQUENCE', async () => {
    const smtp = await server();
    const send = mailer(smtp.url);
    await send.send(appointmentMail(en, 'confirmation', mailView({ sequence: 0 })));
    await send.send(appointmentMail(en, 'cancelled', mailView({ sequence: 1 })));

    const booked = inviteOf(smtp.received[0] ?? '');
    const cancelled = inviteOf(smtp.received[1] ?? '');
    expect(cancelled.event.uid).toBe(booked.event.uid);
    expect(Number(cancelled.event.sequence)).toBeGreaterThan(Number(booked.event.sequence));
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.event.status).toBe('CANCELLED');
    expect(booked.event.status).toBe('CONFIRMED');
  });

  it('gives MailRejectedError when the server answers 550 to RCPT TO, keeping the cause', async () => {
    const smtp = await server({ rcptReply: 550 });
    const error = await sendError(smtp.url, appointmentMail(en, 'confirmation', mailView()));
    expect(error).toBeInstanceOf(MailRejectedError);
    expect((error as Error).message).not.toContain('bob@example.com');
    expect((error as Error).cause).toMatchObject({ responseCode: 550 });
  });

  it('gives MailUnavailableError when the server answers 451 to RCPT TO', async () => {
    const smtp = await server({ rcptReply: 451 });
    const error = await sendError(smtp.url, appointmentMail(en, 'confirmation', mailView()));
    expect(error).toBeInstanceOf(MailUnavailableError);
    expect((error as Error).cause).toMatchObject({ responseCode: 451 });
  });

  it('gives MailUnavailableError for 503, a session error a new connection clears', async () => {
    const smtp = await server({ rcptReply: 503 });
    const error = await sendError(smtp.url, appointmentMail(en, 'confirmation', mailView()));
    expect(error).toBeInstanceOf(MailUnavailableError);
  });

  it('gives MailUnavailableError when our SMTP login is refused, so the mail waits for a fix', async () => {
    const smtp = await server({ refuseLogins: true });
    const url = smtp.url.replace('smtp://', 'smtp://slotline:wrong@');
    const error = await sendError(url, appointmentMail(en, 'confirmation', mailView()));
    expect(error).toBeInstanceOf(MailUnavailableError);
    expect((error as Error).cause).toMatchObject({ code: 'EAUTH' });
    expect(smtp.received).toHaveLength(0);
  });

  it('gives MailUnavailableError when nothing listens on the port', async () => {
    const port = await closedPort();
    const error = await sendError(
      `smtp://127.0.0.1:${port}`,
      appointmentMail(en, 'approved', mailView()),
    );
    expect(error).toBeInstanceOf(MailUnavailableError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('gives MailRejectedError for a message with no usable recipient', async () => {
    const smtp = await server();
    const message = { ...appointmentMail(en, 'approved', mailView()), to: '' };
    expect(await sendError(smtp.url, message)).toBeInstanceOf(MailRejectedError);
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => mailer('http://127.0.0.1:25')).toThrow(/smtp:\/\//);
  });
});
