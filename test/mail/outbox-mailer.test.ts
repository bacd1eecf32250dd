// The outbox mailer writes a real private .eml a mail client can open, and logs ids only.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentMail } from '../../src/mail/appointment-mail.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { en, mailView, NOW, readInvite, START } from './mail-fixtures.ts';
import { mimeParts, partOfType } from './mime-parts.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function outbox() {
  const root = await mkdtemp(join(tmpdir(), 'slotline-mail-'));
  dirs.push(root);
  const dir = join(root, '.data', 'mail');
  const logged: { fields: Record<string, unknown>; message: string | undefined }[] = [];
  const mailer = createOutboxMailer({
    dir,
    from: 'Slotline <bookings@slotline.test>',
    logger: {
      info: (fields, message) => logged.push({ fields, message }),
      warn: () => {},
      error: () => {},
    },
    clock: () => NOW,
  });
  return { dir, logged, mailer };
}

describe('createOutboxMailer', () => {
  it('keeps a message with a delivery key once, however often it is sent, under its Message-ID', async () => {
    const { dir, mailer } = await outbox();
    const message = { ...appointmentMail(en, 'confirmation', mailView()), deliveryKey: 'job-42' };
    await mailer.send(message);
    // A retried job sends the same message again after its first attempt went out.
    await mailer.send(message);
    await mailer.send({ ...message, deliveryKey: 'job-43' });
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['mail-job-42.eml', 'mail-job-43.eml']);
    const raw = await readFile(join(dir, 'mail-job-42.eml'), 'utf8');
    expect(raw).toMatch(/^Message-ID: <job-42@slotline>\r$/m);
  });

  it('writes a parseable .eml with headers, body and the invite, into a new directory', async () => {
    const { dir, mailer } = await outbox();
    await mailer.send(appointmentMail(en, 'confirmation', mailView()));

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^2026-11-24T10-00-00-000Z-[0-9a-f]{8}\.eml$/);
    const raw = await readFile(join(dir, files[0] ?? ''), 'utf8');
    expect(raw).toContain('\r\n');
    const parts = mimeParts(raw);
    const top = parts[0]?.headers ?? {};
    expect(top.to).toBe('bob@example.com');
    expect(top.from).toBe('Slotline <bookings@slotline.test>');
    expect(top.subject).toBe('Booked: Haircut with Ana Ruiz, Tue 1 Dec, 15:00');
    expect(new Date(top.date ?? '').toISOString()).toBe(NOW.toISOString());
    expect(partOfType(parts, 'text/plain').body).toContain('Your booking is confirmed.');
    const attachment = partOfType(parts, 'application/ics');
    expect(attachment.headers['content-disposition']).toContain('filename=invite.ics');
    const { event, method } = readInvite(attachment.body);
    expect(method).toBe('REQUEST');
    expect(event.start.toISOString()).toBe(START.toISOString());
  });

  it('logs one line with the kind, party, appointment id and file path, nothing personal', async () => {
    const { dir, logged, mailer } = await outbox();
    const about = { kind: 'request-received', party: 'client', appointmentId: 'a-1' } as const;
    await mailer.send({ ...appointmentMail(en, 'request-received', mailView()), about });

    expect(logged).toHaveLength(1);
    const [line] = logged;
    expect(line?.fields).toEqual({ ...about, path: join(dir, (await readdir(dir))[0] ?? '') });
    const text = JSON.stringify(line);
    for (const personal of ['bob', 'Bob', 'Ana Ruiz', 'Request sent', 'Haircut']) {
      expect(text).not.toContain(personal);
    }
  });

  it('makes a new folder 0700 and each file 0600, whatever the umask', async () => {
    const { dir, mailer } = await outbox();
    const umask = process.umask(0);
    try {
      await mailer.send(appointmentMail(en, 'confirmation', mailView()));
    } finally {
      process.umask(umask);
    }
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const [file] = await readdir(dir);
    expect((await stat(join(dir, file ?? ''))).mode & 0o777).toBe(0o600);
  });

  it('narrows an existing world-readable folder to 0700', async () => {
    const { dir, mailer } = await outbox();
    await mkdir(dir, { recursive: true });
    await chmod(dir, 0o755);
    await mailer.send(appointmentMail(en, 'confirmation', mailView()));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('keeps two messages of the same instant in two files', async () => {
    const { dir, mailer } = await outbox();
    await mailer.send(appointmentMail(en, 'request-received', mailView()));
    await mailer.send(appointmentMail(en, 'request-received', mailView()));
    expect(await readdir(dir)).toHaveLength(2);
  });
});
