// A real SMTP server on 127.0.0.1 for the mailer tests: collects raw messages, can refuse RCPT.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type TestSmtpServer = {
  readonly url: string;
  readonly received: string[];
  /** SMTP connections opened so far. */
  connections(): number;
  close(): Promise<void>;
};

export type TestSmtpOptions = {
  /** Answer RCPT TO with this code (e.g. 550, 451) instead of 250. */
  readonly rcptReply?: number;
  /** Require a login over plain text and refuse every one with 535. */
  readonly refuseLogins?: boolean;
};

export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const received: string[] = [];
  const rcptReply = options.rcptReply ?? null;
  let connections = 0;
  const server = new SMTPServer({
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    authOptional: options.refuseLogins !== true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(Object.assign(new Error('Bad login'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      if (rcptReply === null) return callback();
      callback(Object.assign(new Error('Recipient refused'), { responseCode: rcptReply }));
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
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port that was just free and now has nobody listening. */
export async function closedPort(): Promise<number> {
  const server = await startSmtpServer();
  const port = Number(new URL(server.url).port);
  await server.close();
  return port;
}
