// The outbox mailer writes a real .eml a mail client can open, and says so in one masked line.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentMail } from '../../src/mail/appointment-mail.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { mailView, NOW, readInvite, START } from './mail-fixtures.ts';
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
    logger: { info: (fields, message) => logged.push({ fields, message }) },
    clock: () => NOW,
  });
  return { dir, logged, mailer };
}

describe('createOutboxMailer', () => {
  it('writes a parseable .eml with headers, body and the invite, into a new directory', async () => {
    const { dir, mailer } = await outbox();
    await mailer.send(appointmentMail('confirmation', mailView()));

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

  it('logs one line with the masked address, the subject and the file path', async () => {
    const { dir, logged, mailer } = await outbox();
    await mailer.send(appointmentMail('request-received', mailView()));

    expect(logged).toHaveLength(1);
    const [line] = logged;
    expect(line?.fields.to).toBe('b***@example.com');
    expect(line?.fields.subject).toMatch(/^Request sent: Haircut/);
    expect(line?.fields.path).toBe(join(dir, (await readdir(dir))[0] ?? ''));
    expect(JSON.stringify(line)).not.toContain('bob@example.com');
  });

  it('keeps two messages of the same instant in two files', async () => {
    const { dir, mailer } = await outbox();
    await mailer.send(appointmentMail('reminder-48h', mailView()));
    await mailer.send(appointmentMail('reminder-48h', mailView()));
    expect(await readdir(dir)).toHaveLength(2);
  });
});
