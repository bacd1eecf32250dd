// Masked addresses keep the first letter and the domain, nothing else.
import { describe, expect, it } from 'vitest';
import { maskAddress } from '../../src/mail/mask-address.ts';

describe('maskAddress', () => {
  it.each([
    ['alice@example.com', 'a***@example.com'],
    ['a@b.c', 'a***@b.c'],
    ['odd"name@x"@example.org', 'o***@example.org'],
    ['no-at-sign', '***'],
    ['@example.com', '***'],
    ['alice@', '***'],
    ['', '***'],
  ])('%s gives %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});
