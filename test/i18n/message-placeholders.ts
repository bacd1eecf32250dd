// What an ICU message's placeholders are, and sample values that reach each of its branches.
import { createFormatters, type Formatters } from '@formatjs/intl';

/** One element of a parsed message, as @formatjs/icu-messageformat-parser gives it. */
type MessageFormatElement = ReturnType<
  ReturnType<Formatters['getMessageFormat']>['getAst']
>[number];

/** The parser's element types (its TYPE enum). */
const TYPE = {
  argument: 1,
  number: 2,
  date: 3,
  time: 4,
  select: 5,
  plural: 6,
  tag: 8,
} as const;

const formatters = createFormatters();

/**
 * `message` parsed the way the translator parses it (@formatjs/intl's message format, through
 * @formatjs/icu-messageformat-parser); throws when it is not ICU MessageFormat.
 */
export function parseMessage(message: string): MessageFormatElement[] {
  return formatters.getMessageFormat(message, 'en-GB').getAst();
}

/** How a placeholder is used: as text, as a number (plural, number), or as a select's word. */
type Use = { readonly kind: 'text' | 'number' } | { readonly kind: 'select'; options: string[] };

/** Every placeholder of `message` by name (plural and select arguments included, nested too). */
export function placeholdersOf(message: string): Map<string, Use> {
  const found = new Map<string, Use>();
  collect(parseMessage(message), found);
  return found;
}

function collect(elements: readonly MessageFormatElement[], found: Map<string, Use>): void {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        if (!found.has(element.value)) found.set(element.value, { kind: 'text' });
        break;
      case TYPE.number:
      case TYPE.plural:
      case TYPE.date:
      case TYPE.time:
        found.set(element.value, { kind: 'number' });
        break;
      case TYPE.select:
        found.set(element.value, { kind: 'select', options: Object.keys(element.options) });
        break;
      default:
        break;
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) collect(option.value, found);
    }
    if (element.type === TYPE.tag) collect(element.children, found);
  }
}

/** `english`'s use of a placeholder, with the select words of `own` added when both select. */
function merged(own: Use | undefined, english: Use): Use {
  if (own?.kind !== 'select' || english.kind !== 'select') return english;
  return { kind: 'select', options: [...new Set([...english.options, ...own.options])] };
}

/**
 * Value sets for `message` (and its English `english`, whose uses win when they differ): one with
 * a sample for each placeholder, then one per select word and per count 0 and 1, so every branch
 * is rendered at least once.
 */
/** Values a message's placeholders take, as Translator.t accepts them. */
type MessageValues = Readonly<Record<string, string | number>>;

export function sampleValuesOf(message: string, english: string): MessageValues[] {
  const uses = placeholdersOf(message);
  for (const [name, use] of placeholdersOf(english)) uses.set(name, merged(uses.get(name), use));
  const base: Record<string, string | number> = {};
  for (const [name, use] of uses) {
    base[name] = use.kind === 'text' ? `«${name}»` : use.kind === 'number' ? 2 : 'other';
  }
  const variants: MessageValues[] = [base];
  for (const [name, use] of uses) {
    if (use.kind === 'number') variants.push({ ...base, [name]: 0 }, { ...base, [name]: 1 });
    if (use.kind === 'select') {
      for (const option of use.options) variants.push({ ...base, [name]: option });
    }
  }
  return variants;
}
