// The Discord fake for adapter tests: REST API and gateway together, plus interaction dispatch.
import type { APIInteraction } from 'discord.js';
import { GatewayDispatchEvents } from 'discord.js';
import { type GatewayFake, startGatewayFake } from './discord-gateway-fake.ts';
import { type RestFake, startRestFake } from './discord-rest-fake.ts';

/** Also the bot user's id: Discord bots are users whose id is the application id. */
export const FAKE_APPLICATION_ID = '1200000000000000001';
export const FAKE_TOKEN = 'fake-discord-token.abc.def';

export type FakeDiscord = {
  readonly rest: RestFake;
  readonly gateway: GatewayFake;
  /** Delivers an interaction over the gateway as Discord does: an INTERACTION_CREATE dispatch. */
  deliver(interaction: APIInteraction): void;
  close(): Promise<void>;
};

/**
 * Starts both halves on 127.0.0.1 with ephemeral ports. Point discord.js at `rest.apiUrl`; it
 * learns the gateway URL from GET /gateway/bot. A short heartbeat interval makes heartbeats and
 * their acknowledgements happen within a test.
 */
export async function startFakeDiscord(heartbeatIntervalMs = 41_250): Promise<FakeDiscord> {
  const gateway = await startGatewayFake({
    botId: FAKE_APPLICATION_ID,
    applicationId: FAKE_APPLICATION_ID,
    heartbeatIntervalMs,
  });
  const rest = await startRestFake(() => gateway.url, FAKE_APPLICATION_ID);
  return {
    rest,
    gateway,
    deliver: (interaction) =>
      gateway.dispatch(GatewayDispatchEvents.InteractionCreate, interaction),
    close: async () => {
      await gateway.close();
      await rest.close();
    },
  };
}
