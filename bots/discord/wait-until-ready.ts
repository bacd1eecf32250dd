// Resolves when the discord.js client is ready, rejects when the gateway gives up for good.
import type { Client } from 'discord.js';
import { Events } from 'discord.js';
import { GatewayClosedError } from './discord-adapter-errors.ts';

/**
 * Call before login so the ready event cannot be missed. Rejects with GatewayClosedError on a
 * shard disconnect (close codes such as 4004 authentication failed), which would otherwise leave
 * the caller waiting for a ready event that never comes. Removes its listeners either way.
 */
export function waitUntilReady(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReady = () => {
      client.off(Events.ShardDisconnect, onDisconnect);
      resolve();
    };
    const onDisconnect = (event: { code: number }) => {
      client.off(Events.ClientReady, onReady);
      reject(new GatewayClosedError(`Discord gateway closed with code ${event.code}`));
    };
    client.once(Events.ClientReady, onReady);
    client.once(Events.ShardDisconnect, onDisconnect);
  });
}
