// No import cycles in src/ and bots/, type-only imports included.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportGraph } from './import-graph.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('import graph of src/ and bots/', () => {
  it('has no cycles, counting type imports', async () => {
    const graph = await readImportGraph(
      ROOT,
      ['src/**/*.ts', 'bots/**/*.ts'],
      join(ROOT, 'tsconfig.json'),
    );
    // A graph that lost its files or edges would find no cycles for the wrong reason.
    expect(graph.files.length).toBeGreaterThan(300);
    expect(graph.unresolved).toEqual([]);
    expect(graph.cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

describe('readImportGraph', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports a cycle made only of type imports', async () => {
    dir = await mkdtemp(join(tmpdir(), 'slotline-cycles-'));
    await writeFile(
      join(dir, 'a.ts'),
      "import type { B } from './b.ts';\nexport type A = { b: B };\n",
    );
    await writeFile(
      join(dir, 'b.ts'),
      "import type { A } from './a.ts';\nexport type B = { a?: A };\n",
    );
    await writeFile(join(dir, 'c.ts'), "import type { A } from './a.ts';\nexport type C = A;\n");
    const graph = await readImportGraph(dir, ['*.ts']);
    expect(graph.files).toHaveLength(3);
    // The walk may start at either file, so the cycle is compared without its rotation.
    expect(graph.cycles).toHaveLength(1);
    const [cycle = []] = graph.cycles;
    expect(cycle).toHaveLength(3);
    expect(cycle[0]).toBe(cycle[2]);
    expect([...new Set(cycle)].sort()).toEqual(['a.ts', 'b.ts']);
  });
});
