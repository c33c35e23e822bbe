import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import buildGuard, { stopBuild } from './build-guard';

type Hooks = AstroIntegration['hooks'];
// The hooks read only these fields of Astro's arguments.
const run = (hook: keyof Hooks, args: object) => (buildGuard().hooks[hook] as (args: object) => void)(args);

let work: string;
let stderr: string[];
let exit: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'gazette-build-guard-'));
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(work, { recursive: true, force: true });
});

describe('stopBuild', () => {
  it('ends a build with the count and one line per problem on stderr, exit code 1, no stack', () => {
    expect(() => stopBuild(['a.md:1:1: title: one', 'b.md:2:3: date: two'], 'build')).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(stderr.join('')).toBe('2 problems:\na.md:1:1: title: one\nb.md:2:3: date: two\n');
  });

  it('says "problem" for one', () => {
    expect(() => stopBuild(['a.md:1:1: title: one'], 'build')).toThrow('exit 1');
    expect(stderr.join('')).toBe('1 problem:\na.md:1:1: title: one\n');
  });

  it('throws in the dev server instead, which shows the message and lives on', () => {
    expect(() => stopBuild(['a.md:1:1: title: one'], 'dev')).toThrow('1 problem:\na.md:1:1: title: one');
    expect(exit).not.toHaveBeenCalled();
    expect(stderr).toEqual([]);
  });
});

describe('the build guard', () => {
  it("creates the output folder's parent before the build looks into it", () => {
    const outDir = join(work, 'missing/deeper/site');
    run('astro:config:done', {
      config: { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${work}/cache/`) },
    });
    expect(existsSync(join(work, 'missing/deeper'))).toBe(true);
  });

  it('stops the build, naming GAZETTE_OUT_DIR, when the parent cannot be created', () => {
    writeFileSync(join(work, 'file'), '');
    expect(() =>
      run('astro:config:done', {
        config: { outDir: pathToFileURL(join(work, 'file/below/site/')), cacheDir: pathToFileURL(`${work}/cache/`) },
      }),
    ).toThrow('exit 1');
    expect(stderr.join('')).toMatch(
      /^1 problem:\n.*file\/below\/site\/?: GAZETTE_OUT_DIR: cannot create the output folder's parent \(ENOTDIR\); choose another output folder\n$/,
    );
  });

  it('passes an output whose every data file parses', () => {
    writeFileSync(join(work, 'feed.json'), '{"items":[]}');
    const info = vi.fn();
    run('astro:build:done', { dir: pathToFileURL(`${work}/`), logger: { info } });
    expect(info).toHaveBeenCalledWith('every XML, JSON and CSV output parses');
    expect(exit).not.toHaveBeenCalled();
  });

  it('fails a build that wrote a data file that does not parse, at its line and column', () => {
    mkdirSync(join(work, 'data'));
    writeFileSync(join(work, 'data/broken.json'), '{"items": [}');
    expect(() => run('astro:build:done', { dir: pathToFileURL(`${work}/`), logger: { info: vi.fn() } })).toThrow(
      'exit 1',
    );
    expect(stderr.join('')).toMatch(
      /^1 problem:\n.*data\/broken\.json:1:\d+: .* \(a bug in the site generator: please report it\)\n$/,
    );
  });

  it('reads again only the data files written since the last check that passed', () => {
    const guard = buildGuard().hooks as Record<string, (args: object) => void>;
    const site = join(work, 'site');
    const args = { dir: pathToFileURL(`${site}/`), logger: { info: vi.fn() } };
    guard['astro:config:done']!({ config: { outDir: args.dir, cacheDir: pathToFileURL(`${work}/cache/`) } });
    mkdirSync(join(site, 'data'), { recursive: true });
    writeFileSync(join(site, 'data/kept.json'), '{"items":[]}');
    guard['astro:build:done']!(args);
    expect(existsSync(join(work, 'cache/gazette-checked-outputs.json'))).toBe(true);
    // A rebuild that wrote a broken file fails, however many files it kept.
    writeFileSync(join(site, 'data/new.json'), '{"items": [}');
    expect(() => guard['astro:build:done']!(args)).toThrow('exit 1');
    expect(stderr.join('')).toMatch(/data\/new\.json:1:\d+: /);
    expect(stderr.join('')).not.toMatch(/kept\.json/);
  });
});
