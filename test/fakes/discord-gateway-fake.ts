// A local stand-in for Discord's gateway (v10, JSON, uncompressed): HELLO, READY, heartbeats.
import type { AddressInfo } from 'node:net';
import type { GatewayIdentifyData, GatewayReadyDispatchData } from 'discord.js';
import { ApplicationFlags, GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { fakeBotUser } from './discord-payloads.ts';

export type GatewayFake = {
  readonly url: string;
  /** IDENTIFY payloads received, in order. */
  readonly identifies: GatewayIdentifyData[];
  /** Heartbeats (op 1) received; each was acknowledged with op 11. */
  heartbeats(): number;
  /** Connections currently open. */
  sessions(): number;
  /** Sends a dispatch (op 0) to every open session. */
  dispatch(event: GatewayDispatchEvents, data: unknown): void;
  /** Answer the next IDENTIFY by closing with this code (4004: authentication failed). */
  refuseIdentifyWith(code: number): void;
  close(): Promise<void>;
};

export type GatewayFakeOptions = {
  readonly botId: string;
  readonly applicationId: string;
  readonly heartbeatIntervalMs: number;
};

/** Starts the gateway fake on 127.0.0.1 (ephemeral port). */
export async function startGatewayFake(options: GatewayFakeOptions): Promise<GatewayFake> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}`;
  const identifies: GatewayIdentifyData[] = [];
  const refusals: number[] = [];
  let heartbeats = 0;
  let sequence = 0;
  const send = (socket: WebSocket, payload: object) => socket.send(JSON.stringify(payload));
  const sendDispatch = (socket: WebSocket, t: string, d: unknown) =>
    send(socket, { op: GatewayOpcodes.Dispatch, t, s: ++sequence, d });

  server.on('connection', (socket) => {
    send(socket, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (payload.op === GatewayOpcodes.Heartbeat) {
        heartbeats += 1;
        send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
      } else if (payload.op === GatewayOpcodes.Identify) {
        identifies.push(payload.d as GatewayIdentifyData);
        const refusal = refusals.shift();
        if (refusal !== undefined) socket.close(refusal, 'refused');
        else sendDispatch(socket, GatewayDispatchEvents.Ready, readyData(options, url));
      }
    });
  });

  return {
    url,
    identifies,
    heartbeats: () => heartbeats,
    sessions: () => [...server.clients].filter((s) => s.readyState === WebSocket.OPEN).length,
    dispatch: (event, data) => {
      for (const socket of server.clients) {
        if (socket.readyState === WebSocket.OPEN) sendDispatch(socket, event, data);
      }
    },
    refuseIdentifyWith: (code) => void refusals.push(code),
    close: async () => {
      for (const socket of server.clients) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readyData(options: GatewayFakeOptions, url: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: fakeBotUser(options.botId),
    guilds: [],
    session_id: `session-${options.botId}`,
    resume_gateway_url: url,
    shard: [0, 1],
    // A bot with global commands carries the command badge flag.
    application: {
      id: options.applicationId,
      flags: ApplicationFlags.ApplicationCommandBadge,
      flags_new: String(ApplicationFlags.ApplicationCommandBadge),
    },
  };
}
