// SMTP servers on 127.0.0.1 that make mail jobs take a while, so a shutdown finds them running.
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type StallingSmtp = {
  readonly url: string;
  /** Connections accepted so far: each is a mail job that has started sending. */
  connections(): number;
  /** Messages fully received and acknowledged. */
  received(): number;
  close(): Promise<void>;
};

/** A working SMTP server that holds each message `dataDelayMs` before acknowledging it. */
export async function startSlowSmtp(dataDelayMs: number): Promise<StallingSmtp> {
  let connections = 0;
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        setTimeout(() => {
          received += 1;
          callback();
        }, dataDelayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A server that accepts and then says nothing: the mailer waits for the greeting (10 s), or with
 * `greet` for the answer to EHLO (30 s), and the job that sends stays running all that time.
 */
export async function startSilentSmtp(options: { greet?: boolean } = {}): Promise<StallingSmtp> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    if (options.greet) socket.write('220 slotline-test ESMTP\r\n');
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    received: () => 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
