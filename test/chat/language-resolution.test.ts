// The order a person's language is decided in, and a stored language read with a fallback.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import {
  type LanguageSources,
  languageOf,
  resolveLanguage,
} from '../../src/i18n/resolve-language.ts';

const NONE: LanguageSources = { chosen: null, hint: null, stored: [null, null], fallback: 'en' };

describe('resolveLanguage', () => {
  it.each<[string, Partial<LanguageSources>, Language]>([
    ['nothing known: the fallback', {}, 'en'],
    ['nothing known, DEFAULT_LANGUAGE=de', { fallback: 'de' }, 'de'],
    ['the choice beats the hint', { chosen: 'en', hint: 'de-DE' }, 'en'],
    ['the choice beats what is stored', { chosen: 'de', stored: ['en', 'en'] }, 'de'],
    ['the hint beats what is stored', { hint: 'de', stored: ['en', null] }, 'de'],
    ['a region tag names its language', { hint: 'de_AT' }, 'de'],
    ['no hint: the client’s stored language', { stored: ['de', 'en'] }, 'de'],
    ['no client language: the provider’s', { stored: [null, 'de'] }, 'de'],
    ['a hint Slotline does not speak is skipped', { hint: 'fr-FR', stored: ['de', null] }, 'de'],
    ['an unknown stored value is skipped', { stored: ['xx', null], fallback: 'de' }, 'de'],
    ['an empty hint counts as none', { hint: '', fallback: 'de' }, 'de'],
  ])('%s', (_, sources, expected) => {
    expect(resolveLanguage({ ...NONE, ...sources })).toBe(expected);
  });
});

describe('languageOf', () => {
  it.each<[string | null, Language, Language]>([
    ['de', 'en', 'de'],
    ['en', 'de', 'en'],
    [null, 'de', 'de'],
    [null, 'en', 'en'],
    ['xx', 'de', 'de'],
  ])('reads %j with fallback %s as %s', (stored, fallback, expected) => {
    expect(languageOf(stored, fallback)).toBe(expected);
  });
});
