// What a chat adapter may ask the core about providers, handed in by main.ts so bots/ never reads the database.

export type DirectoryProvider = { readonly id: string; readonly name: string };

/** Read-mostly access to providers and their chat links, for adapters such as the web chat. */
export type ProviderDirectory = {
  /** Active providers, oldest first, at most `limit`. */
  listActive(limit: number): Promise<DirectoryProvider[]>;
  /** The provider when it exists and is active, else null (`id` must be a UUID). */
  findActive(id: string): Promise<DirectoryProvider | null>;
  /** Whether this web user id is already linked to that provider. */
  isLinkedOnWeb(platformUserId: string, providerId: string): Promise<boolean>;
  /** A fresh single-use link code for the provider, or null when it no longer exists. */
  issueLinkCode(providerId: string): Promise<string | null>;
};
