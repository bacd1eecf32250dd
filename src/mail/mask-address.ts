// Email addresses as they may appear in logs: enough to recognise, not enough to reuse.

/**
 * 'alice@example.com' gives 'a***@example.com'. Keeps the domain because it tells which
 * provider bounced; anything without a local part and a domain gives '***'.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
