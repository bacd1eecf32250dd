// `/link CODE`: ties this chat identity to the provider the code was made for.
import { eq } from 'drizzle-orm';
import { chatIdentities, providerLinkCodes } from '../db/schema/chat.ts';
import { providers } from '../db/schema/providers.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { serverSettings } from './command-settings.ts';
import { providerCommandList } from './help-text.ts';
import type { Turn } from './turn.ts';

type LinkOutcome =
  | { kind: 'linked'; providerName: string }
  | { kind: 'unknown' | 'used' | 'expired' };

export async function linkProvider(turn: Turn, args: string): Promise<ChatMessage> {
  const code = args.toUpperCase().replace(/[\s-]+/g, '');
  if (code.length === 0) return chatMessage(turn.t.t('provider.linkUsage'));
  const outcome = code.length > 32 ? { kind: 'unknown' as const } : await redeem(turn, code);
  switch (outcome.kind) {
    case 'linked': {
      const commands = providerCommandList(serverSettings(turn.deps));
      return chatMessage(turn.t.t('provider.linked', { provider: outcome.providerName, commands }));
    }
    case 'unknown':
      return chatMessage(turn.t.t('provider.codeUnknown'));
    case 'used':
      return chatMessage(turn.t.t('provider.codeUsed'));
    case 'expired':
      return chatMessage(turn.t.t('provider.codeExpired'));
  }
}

/** Uses the code once, under a row lock, and links the identity in the same transaction. */
function redeem(turn: Turn, code: string): Promise<LinkOutcome> {
  return turn.deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        providerId: providerLinkCodes.providerId,
        expiresAt: providerLinkCodes.expiresAt,
        usedAt: providerLinkCodes.usedAt,
        providerName: providers.name,
      })
      .from(providerLinkCodes)
      .innerJoin(providers, eq(providers.id, providerLinkCodes.providerId))
      .where(eq(providerLinkCodes.code, code))
      .for('update', { of: providerLinkCodes });
    if (!row) return { kind: 'unknown' };
    if (row.usedAt) return { kind: 'used' };
    if (row.expiresAt <= turn.now) return { kind: 'expired' };
    await tx
      .update(providerLinkCodes)
      .set({ usedAt: turn.now })
      .where(eq(providerLinkCodes.code, code));
    await tx
      .update(chatIdentities)
      .set({ providerId: row.providerId })
      .where(eq(chatIdentities.id, turn.identity.id));
    // The turn stored its language before the identity was a provider's; notices sent before
    // this provider writes again must already go in it.
    await tx
      .update(providers)
      .set({ language: turn.t.lang })
      .where(eq(providers.id, row.providerId));
    return { kind: 'linked', providerName: row.providerName };
  });
}
