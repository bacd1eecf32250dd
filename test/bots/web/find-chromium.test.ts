// How the harness's own Chromium switches combine with a build's.
import { describe, expect, it } from 'vitest';
import { mergeSwitches } from './find-chromium.ts';

describe('mergeSwitches', () => {
  it('keeps its own switches and adds the others, its own winning on a name clash', () => {
    expect(
      mergeSwitches(
        ['--headless=new', '--no-sandbox'],
        ["--headless='shell'", '--no-sandbox', '--no-zygote'],
      ),
    ).toEqual(['--headless=new', '--no-sandbox', '--no-zygote']);
  });
});
