/**
 * The benchmark's baseline (`--baseline pagefind`): plain `pagefind --site <dist>`, the CLI of
 * the npm package the project depends on (its binary ships in node_modules/@pagefind/<platform>;
 * the package's `bin` script finds and runs it, as `npx pagefind` does), on the pages our build
 * wrote, into a folder of its own so that our index stays as built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the command needs of node_modules/pagefind/package.json. */
export interface PagefindPackage {
  /** The package's folder. */
  dir: string;
  version: string;
  bin: string | Record<string, string>;
}

export function readPagefindPackage(repoRoot: string): PagefindPackage {
  const dir = join(repoRoot, 'node_modules', 'pagefind');
  const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Omit<PagefindPackage, 'dir'>;
  return { dir, version: json.version, bin: json.bin };
}

export interface BaselineCommand {
  /** Arguments for `node`: the package's bin script, then Pagefind's own. */
  args: string[];
  /** The same command as a reader types it. */
  display: string;
}

/**
 * `node <pagefind bin> --site <site> --output-path <outputPath>`. Run it from a folder without
 * a pagefind.yml/.toml/.json (Pagefind reads one from the working directory): nothing but the
 * defaults, as plain as the CLI gets.
 */
export function pagefindBaselineCommand(pkg: PagefindPackage, site: string, outputPath: string): BaselineCommand {
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.pagefind;
  if (!bin) throw new Error(`${join(pkg.dir, 'package.json')}: no "pagefind" in "bin"; is this Pagefind's package?`);
  const options = ['--site', site, '--output-path', outputPath];
  return {
    args: [join(pkg.dir, bin), ...options],
    display: `npx pagefind@${pkg.version} ${options.join(' ')}`,
  };
}

/** The pages Pagefind says it indexed (`Indexed 10000 pages`), from its output. */
export function indexedPages(log: string): number | null {
  const match = log.match(/^\s*Indexed (\d+) pages?$/mu);
  return match ? Number(match[1]) : null;
}
