// Chromium for the browser tests: Debian's /usr/bin/chromium, else the one in @sparticuz/chromium.
import { statSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sparticuz from '@sparticuz/chromium';

export type FoundChromium = {
  readonly executablePath: string;
  /** Extra launch switches this build needs. */
  readonly args: readonly string[];
  /** Extra environment for the browser process. */
  readonly env: Readonly<Record<string, string>>;
};

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Sparticuz's flags for AWS Lambda that a test machine does not need and that would make the page
 * behave unlike a normal browser (no same-origin policy, one process for everything).
 */
const UNWANTED_SPARTICUZ_SWITCHES = [
  '--allow-running-insecure-content',
  '--disable-web-security',
  '--single-process',
];

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** The switch's name: `--a=b` and `--a` are both `--a`. */
const switchName = (arg: string) => arg.split('=', 1)[0] ?? arg;

/** `own` first, then the switches of `extra` that `own` does not set: on a clash `own` wins. */
export function mergeSwitches(own: readonly string[], extra: readonly string[]): string[] {
  const taken = new Set(own.map(switchName));
  return [...own, ...extra.filter((arg) => !taken.has(switchName(arg)))];
}

export async function findChromium(): Promise<FoundChromium> {
  if (isFile(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: [], env: {} };
  const dir = await unpackSparticuz();
  const unwanted = new Set(UNWANTED_SPARTICUZ_SWITCHES);
  return {
    executablePath: join(dir, 'chromium'),
    args: sparticuz.args.filter((arg) => !unwanted.has(switchName(arg))),
    env: { FONTCONFIG_FILE: join(dir, 'fonts', 'fonts.conf') },
  };
}

/**
 * Unpacks sparticuz's Chromium (a few seconds) once per version into a directory under the temp dir
 * and returns that directory. Test files in parallel workers may all get here at once, and
 * executablePath() alone is not safe for that: it writes /tmp/chromium in place and returns any
 * existing /tmp/chromium, so a second caller can launch a half-written binary (ETXTBSY), and a run
 * killed mid-unpack leaves a broken one behind for good. So each caller unpacks into its own staging
 * directory and renames it into place; rename is atomic, the first one wins, the others drop theirs.
 */
async function unpackSparticuz(): Promise<string> {
  const dir = join(tmpdir(), `slotline-chromium-${await sparticuzVersion()}`);
  if (isFile(join(dir, 'chromium'))) return dir;
  const staging = await mkdtemp(`${dir}.partial-`);
  try {
    // executablePath() unpacks into os.tmpdir(), which reads TMPDIR, and takes all its paths
    // before its first await, so TMPDIR is pointed at the staging directory only for that call.
    const before = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    let unpacking: Promise<string>;
    try {
      unpacking = sparticuz.executablePath();
    } finally {
      if (before === undefined) Reflect.deleteProperty(process.env, 'TMPDIR');
      else process.env.TMPDIR = before;
    }
    const unpacked = await unpacking;
    if (unpacked !== join(staging, 'chromium')) {
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
    }
    // Its fonts.conf names /tmp/fonts; ours names where the fonts are, after the system's fonts.
    await writeFile(join(staging, 'fonts', 'fonts.conf'), fontsConf(join(dir, 'fonts')));
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!isFile(join(dir, 'chromium'))) throw error; // else another worker renamed its copy first
  }
  return dir;
}

async function sparticuzVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const manifest = join(dirname(entry), '..', 'package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  return version;
}

const fontsConf = (fontsDir: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${fontsDir}</dir>
  <cachedir>${fontsDir}-cache</cachedir>
</fontconfig>
`;
