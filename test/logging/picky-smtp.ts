// A local SMTP server that answers RCPT TO per address: accepted, refused for good, or "try later".
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** The reply to the n-th RCPT TO (1-based) for `address`: 250, or an error code such as 550. */
export type RcptRule = (address: string, attempt: number) => number;

export type PickySmtp = {
  readonly url: string;
  /** Raw messages accepted so far. */
  readonly received: string[];
  close(): Promise<void>;
};

/** Starts on 127.0.0.1 with an ephemeral port, no TLS and no login. */
export async function startPickySmtp(rule: RcptRule): Promise<PickySmtp> {
  const received: string[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const attempt = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, attempt);
      const code = rule(address.address, attempt);
      if (code === 250) return callback();
      // Servers quote the address in their reply; the app must not log it.
      callback(Object.assign(new Error(`<${address.address}>: not now`), { responseCode: code }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
