// Reads the sources with the TypeScript compiler and finds text written outside the catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');

/** Where people's words are made: chat replies, mail, job DMs, the adapters. */
export const SCANNED_ROOTS = ['src/chat', 'src/mail', 'src/jobs', 'bots'] as const;

/** A place in the sources: the file (from the repository root), its line, and what is there. */
export type Found = { readonly file: string; readonly line: number; readonly text: string };

/** Two words: letters, one space, letters. */
const WORDS = /\p{L} \p{L}/u;
/** SQL statements, which the database reads, not people. */
const SQL = /^\s*(select|insert|update|delete|with|create|alter)\b/i;
/** A luxon format pattern ('d LLL yyyy', 'yyyy-MM-dd HH:mm'): tokens, not words. */
const LUXON_PATTERN = /^(?:([dLMyHhmsEca])\1*|[\s.,:/-])+$/;
/** Methods that log. */
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
/** A logger by name: `logger`, `log`, `deps.logger`, `boltLogger`. */
const LOGGER = /(^|\.)(log|logger|\w*Logger)$/;

/** Every .ts file under `dir` (relative to the repository root), sorted. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name))
    .sort();
}

function parsed(file: string, text = readFileSync(join(ROOT, file), 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Calls every node of `source` with `visit`, depth first. */
function walk(source: ts.SourceFile, visit: (node: ts.Node) => void): void {
  const each = (node: ts.Node): void => {
    visit(node);
    ts.forEachChild(node, each);
  };
  each(source);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The text of a string literal or a piece of a template literal; null for any other node. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
    return node.text;
  }
  return null;
}

/** The head text of the template a template piece belongs to (null: not a template piece). */
function templateStart(node: ts.Node): string | null {
  if (!ts.isTemplateMiddle(node) && !ts.isTemplateTail(node)) return null;
  const template = node.parent.parent;
  return ts.isTemplateExpression(template) ? template.head.text : null;
}

/** `logger.warn(...)`, `deps.logger.error(...)`, `log.info(...)`. */
function isLoggerCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { name, expression } = node.expression;
  return LOG_METHODS.has(name.text) && LOGGER.test(expression.getText());
}

/** `new RegExp(...)` or `RegExp(...)`: a pattern's source. */
function isRegExp(node: ts.Node): boolean {
  return (
    (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
    node.expression.getText() === 'RegExp'
  );
}

/** `new SomethingError(...)`. */
function isNewError(node: ts.Node): boolean {
  return ts.isNewExpression(node) && /Error$/.test(node.expression.getText());
}

/** `super(...)` in a class that extends an Error: the error's message. */
function isErrorSuper(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || node.expression.kind !== ts.SyntaxKind.SuperKeyword) {
    return false;
  }
  let at: ts.Node | undefined = node.parent;
  while (at && !ts.isClassLike(at)) at = at.parent;
  const extended = at?.heritageClauses?.flatMap((clause) => clause.types) ?? [];
  return extended.some((type) => /Error$/.test(type.expression.getText()));
}

/** sql`...` (drizzle) and sql.raw(...): text for the database. */
function isSql(node: ts.Node): boolean {
  if (ts.isTaggedTemplateExpression(node)) return /^sql\b/.test(node.tag.getText());
  return ts.isCallExpression(node) && /^sql\./.test(node.expression.getText());
}

/** Where text is for programs or developers: logs, errors, SQL, imports and exports, types. */
function isForDevelopers(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (isLoggerCall(at) || isNewError(at) || ts.isThrowStatement(at)) return true;
    if (isErrorSuper(at) || isSql(at) || isRegExp(at)) return true;
    if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at) || ts.isImportTypeNode(at)) {
      return true;
    }
    if (ts.isLiteralTypeNode(at)) return true;
  }
  return false;
}

/** A tag, or the end of one a template piece opens ('<option value="') or closes ('">'). */
const TAG = /<\/?[a-z!][^<>]*>|<[a-z][^<>]*$|^[^<>]*">/gi;
/** Markup is there: a tag with a name, or a closing tag. */
const MARKUP = /<!doctype|<\/?[a-z][\w-]*[\s>]/i;

/**
 * The words of `text` a person reads: in HTML, the text between tags and the tags' quoted
 * attribute values (a placeholder, a title), each apart, without tag and attribute names.
 */
function readable(text: string): string {
  if (!MARKUP.test(text) && !/^[^<>]*">/.test(text)) return text;
  return text.replace(TAG, (tag) => {
    const values = [...tag.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    return `\n${values.join('\n')}\n`;
  });
}

/** The text of a piece of a template or string, or null when it is not words for people. */
function wordsOf(node: ts.Node): string | null {
  const text = literalText(node);
  if (text === null || SQL.test(templateStart(node) ?? text) || LUXON_PATTERN.test(text)) {
    return null;
  }
  if (!WORDS.test(readable(text))) return null;
  return isForDevelopers(node) ? null : text;
}

/**
 * Every string or template piece of two or more words in SCANNED_ROOTS that is not a log message,
 * an error, SQL, a date pattern, an import or export, or a type; in file and line order.
 */
export function findStrayText(): Found[] {
  return SCANNED_ROOTS.flatMap(sourcesUnder).flatMap((file) => strayTextIn(parsed(file)));
}

/** The stray text of `code`, a source file's text (named `file`). */
export function strayTextOf(code: string, file = 'snippet.ts'): Found[] {
  return strayTextIn(parsed(file, code));
}

function strayTextIn(source: ts.SourceFile): Found[] {
  const found: Found[] = [];
  walk(source, (node) => {
    const text = wordsOf(node);
    if (text === null) return;
    found.push({ file: source.fileName, line: lineOf(source, node), text });
  });
  return found;
}

/** Every use (or definition) of UNTHREADED_EN in src/ and bots/. */
export function findUnthreaded(): Found[] {
  const found: Found[] = [];
  for (const file of ['src', 'bots'].flatMap(sourcesUnder)) {
    const source = parsed(file);
    if (!source.text.includes('UNTHREADED_EN')) continue;
    walk(source, (node) => {
      if (ts.isIdentifier(node) && node.text === 'UNTHREADED_EN') {
        found.push({ file, line: lineOf(source, node), text: node.text });
      }
    });
  }
  return found;
}
