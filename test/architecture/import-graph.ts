// The import graph of a folder tree, type-only imports included, and the cycles in it.
import { parseCircular, parseDependencyTree } from 'dpdm';

export type ImportGraph = {
  /** Files parsed, relative to the context folder. */
  readonly files: readonly string[];
  /** Relative imports that resolved to no file: a cycle could hide behind one. */
  readonly unresolved: readonly string[];
  /** Each cycle as a chain of files that returns to its first one. */
  readonly cycles: readonly string[][];
};

/**
 * Parses every file matching `globs` under `context`. transform: false keeps `import type` and
 * `export type ... from` edges, which a type-erasing pass (and tsc) would not count as cycles.
 */
export async function readImportGraph(
  context: string,
  globs: readonly string[],
  tsconfig?: string,
): Promise<ImportGraph> {
  const tree = await parseDependencyTree([...globs], {
    context,
    cwd: context,
    tsconfig,
    transform: false,
    skipDynamicImports: false,
  });
  const files = Object.keys(tree).filter((file) => !file.includes('node_modules'));
  const unresolved = Object.values(tree)
    .flatMap((deps) => deps ?? [])
    .filter((dep) => dep.id === null && dep.request.startsWith('.'))
    .map((dep) => `${dep.issuer} imports ${dep.request}`);
  const cycles = parseCircular(tree).map((cycle) => [...cycle, cycle[0] ?? '']);
  return { files, unresolved, cycles };
}
