// The chat platforms Slotline speaks: the one list zod, the CHECK constraint and the adapters derive from.

/** Every platform; adding one here makes the compiler ask for its adapter in bots/build-adapters.ts. */
export const PLATFORMS = ['telegram', 'slack', 'discord', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];
