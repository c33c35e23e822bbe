/**
 * Anything `npm run check` accepts builds, and anything it refuses fails the build with the same
 * `path:line:column: field: message` lines and no stack trace. Three generated archives
 * (tests/helpers/edge-archives.ts): valid content on every edge of the model, files the reader
 * must refuse without hanging on them, and bodies the Markdown renderer could not survive.
 * Every XML, JSON, JSON Lines and CSV file of the valid build is parsed here too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, REPO_ROOT, type AstroBuildResult } from '../helpers/astro-build';
import { listFiles, readPage, select, selectAll, textOf } from '../helpers/built-site';
import { npmRun, type CliResult } from '../helpers/cli';
import {
  BAD_BODIES,
  FORMULA_TITLE,
  HOSTILE_SECTION,
  LOCAL_PDF,
  writeBadBodiesArchive,
  writeUnreadableArchive,
  writeValidEdgeArchive,
} from '../helpers/edge-archives';
import { outputProblems } from '../../src/build/output-check';
import { createMirror } from '../../src/mirror/mirror';
import { SAMPLE_README } from '../helpers/mirror';
import { childEnv } from '../helpers/child-env';

const work = mkdtempSync(join(tmpdir(), 'gazette-agree-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STACK_LINE = /^\s+at\s/m;
const problemLines = (text: string) => text.split('\n').filter((line) => /^\/\S+\.(md|yaml)(:\d+:\d+)?: /.test(line));
const errorLines = (text: string) => problemLines(text).filter((line) => !/: warning: /.test(line));

async function checkAndBuild(
  name: string,
  write: (content: string) => void,
): Promise<{ check: CliResult; build: AstroBuildResult; out: string }> {
  const content = join(work, name, 'content');
  mkdirSync(content, { recursive: true });
  write(content);
  const check = npmRun('check', ['--content', content]);
  const out = join(work, name, 'site');
  const build = await astroBuild({ base: '/', outDir: out, contentDir: content });
  return { check, build, out };
}

describe('valid content on every edge builds', () => {
  let run: Awaited<ReturnType<typeof checkAndBuild>>;
  let documents = 0;
  beforeAll(async () => {
    run = await checkAndBuild('valid', (content) => ({ documents } = writeValidEdgeArchive(content)));
  }, 240_000);

  it('passes check, with warnings for the hidden draft and the empty section', () => {
    expect(run.check.code, run.check.stdout).toBe(0);
    const warnings = problemLines(run.check.stdout);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/\/edge\/2020\/07\/\.draft\.md: warning: hidden/);
    expect(warnings[1]).toMatch(
      /\/edge\/2020\/07\/issue\.yaml:\d+:\d+: sections\.2: warning: no document is in section "空栏目"/,
    );
  });

  it('builds, without a stack trace, every document page', () => {
    expect(run.build.code, run.build.output.slice(-3000)).toBe(0);
    expect(run.build.output).not.toMatch(STACK_LINE);
    const pages = listFiles(run.out).filter((file) => /^20\d\d\/\d\d\/doc-\d+\/index\.html$/.test(file));
    expect(pages).toHaveLength(documents);
  });

  it('writes only XML, JSON, JSON Lines and CSV files that parse', () => {
    const files = listFiles(run.out);
    const kinds = { xml: 0, json: 0, jsonl: 0, csv: 0 };
    for (const file of files) {
      const text = () => readFileSync(join(run.out, file), 'utf8');
      if (file.endsWith('.xml')) {
        expect(XMLValidator.validate(text()), file).toBe(true);
        kinds.xml++;
      } else if (file.endsWith('.jsonl')) {
        for (const line of text().trimEnd().split('\n')) JSON.parse(line);
        kinds.jsonl++;
      } else if (file.endsWith('.json')) {
        JSON.parse(text());
        kinds.json++;
      } else if (file.endsWith('.csv')) {
        parseCsv(text(), { bom: true, columns: true });
        kinds.csv++;
      }
    }
    expect(kinds.xml).toBeGreaterThan(3);
    expect(kinds.json).toBeGreaterThan(documents);
    expect(kinds.jsonl).toBe(1);
    expect(kinds.csv).toBe(1);
    // The conforming parser the build itself uses finds nothing either.
    expect(outputProblems(run.out)).toEqual([]);
  });

  it('escapes a section name with < and quotes in the feeds, as text', () => {
    const xml = readFileSync(join(run.out, 'feed.xml'), 'utf8');
    expect(xml).not.toContain('CDATA');
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'category'].includes(name) });
    const feed = parser.parse(xml).feed;
    const terms = feed.entry.flatMap((entry: { category: Record<string, string>[] }) =>
      entry.category.map((c) => c['@_term']),
    );
    expect(terms).toContain(HOSTILE_SECTION);
    expect(feed.entry.every((entry: { title: Record<string, string> }) => entry.title['@_type'] === 'text')).toBe(true);
  });

  it('escapes a title a spreadsheet would run as a formula', () => {
    const rows = parseCsv(readFileSync(join(run.out, 'data/catalog.csv'), 'utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((row) => row.title)).toContain(`'${FORMULA_TITLE}`);
    expect(rows.every((row) => !/^[=+@]/.test(row.title) && !/^[=+@]/.test(row.section))).toBe(true);
  });

  it('serves the local issue PDF where the issue page links it', () => {
    const path = `${LOCAL_PDF.issue}/${LOCAL_PDF.name}`;
    expect(readFileSync(join(run.out, path), 'utf8')).toBe(LOCAL_PDF.bytes);
    const links = selectAll('a', readPage(run.out, `${LOCAL_PDF.issue}/index.html`)).map((a) =>
      String(a.properties.href),
    );
    expect(links).toContain(`/${path}`);
  });

  it('links each document of an issue with a PDF to its printed page in it (原版PDF第N页), and only those', () => {
    const pages = listFiles(run.out).filter((file) => /^20\d\d\/\d\d\/doc-\d+\/index\.html$/.test(file));
    const linked = pages.map((file) => {
      const tree = readPage(run.out, file);
      const printed = /第(\d+)页/u.exec(textOf(select('dl.doc-facts', tree)))![1];
      const pdf = selectAll('dl.doc-facts a', tree).filter((a) => textOf(a).startsWith('原版PDF'));
      return { file, printed, pdf: pdf.map((a) => [textOf(a), String(a.properties.href)]) };
    });
    const inIssue = linked.filter(({ file }) => file.startsWith(`${LOCAL_PDF.issue}/`));
    expect(inIssue.length).toBeGreaterThan(0);
    for (const { printed, pdf } of inIssue)
      expect(pdf).toEqual([[`原版PDF第${printed}页`, `/${LOCAL_PDF.issue}/${LOCAL_PDF.name}#page=${printed}`]]);
    for (const { pdf } of linked.filter(({ file }) => !file.startsWith(`${LOCAL_PDF.issue}/`))) expect(pdf).toEqual([]);
  });

  it('serves the local issue PDF from the offline mirror too, linked relatively', async () => {
    const mirror = await createMirror({
      siteDir: run.out,
      outDir: join(work, 'valid/mirror'),
      name: 'edge',
      date: '2021-01-01',
      readme: SAMPLE_README,
      zip: false,
    });
    const path = `${LOCAL_PDF.issue}/${LOCAL_PDF.name}`;
    expect(readFileSync(join(mirror.folder, path), 'utf8')).toBe(LOCAL_PDF.bytes);
    const links = selectAll('a', readPage(mirror.folder, `${LOCAL_PDF.issue}/index.html`)).map((a) =>
      String(a.properties.href),
    );
    expect(links).toContain(LOCAL_PDF.name);
    expect(mirror.missingLinks).toEqual([]);
  });
});

describe('content the reader must refuse', () => {
  let run: Awaited<ReturnType<typeof checkAndBuild>>;
  beforeAll(async () => {
    run = await checkAndBuild('unreadable', (content) => writeUnreadableArchive(join(work, 'unreadable'), content));
  }, 240_000);

  it('fails check, one line each, without hanging on /dev/zero, a FIFO or an alias bomb', () => {
    expect(run.check.code).toBe(1);
    const issue = join(work, 'unreadable/content/edge/2020/07');
    expect(errorLines(run.check.stdout)).toEqual([
      `${issue}/bomb.md:3:9: invalid YAML: YAML aliases (*name) are not allowed in content files; write the value out in full; check the quotes, brackets and indentation on this line and the one before`,
      `${issue}/fifo.md: not a regular file (a device, FIFO or socket); content is folders and regular files only`,
      `${issue}/nul.md:10:3: invisible control character U+0000 in the text; delete it (it is not allowed in the site's XML feeds and breaks search)`,
      `${issue}/outside.md: symbolic link to ${join(work, 'unreadable/outside.md')}, outside the content folder; copy the file into the content folder instead`,
      `${issue}/zero.md: symbolic link to /dev/zero, outside the content folder; copy the file into the content folder instead`,
      `${join(work, 'unreadable/content/edge/2020/09')}/issue.yaml: the issue has no documents; add them (npm run import, npm run new) or remove the issue folder`,
    ]);
  });

  it('fails the build with the same lines, no stack trace, nothing written', () => {
    expect(run.build.code).toBe(1);
    expect(run.build.output).not.toMatch(STACK_LINE);
    expect(errorLines(run.build.output).sort()).toEqual(errorLines(run.check.stdout).sort());
    expect(existsSync(join(run.out, 'index.html'))).toBe(false);
  });
});

describe('bodies the Markdown renderer cannot survive', () => {
  let run: Awaited<ReturnType<typeof checkAndBuild>>;
  beforeAll(async () => {
    run = await checkAndBuild('bodies', writeBadBodiesArchive);
  }, 240_000);

  it('fail check, each at its line', () => {
    expect(run.check.code).toBe(1);
    const lines = errorLines(run.check.stdout);
    expect(lines.map((line) => /\/([\w-]+\.md):/.exec(line)![1]).sort()).toEqual(Object.keys(BAD_BODIES).sort());
    expect(lines.join('\n')).toMatch(/warning\.md:12:1: body: unknown block ":::warning"/);
    expect(lines.join('\n')).toMatch(/deep-list\.md:10:1: body: nested 10000 levels deep/);
    expect(lines.join('\n')).toMatch(/deep-quote\.md:10:1: body: nested 10000 levels deep/);
    expect(lines.join('\n')).toMatch(/cjk-line\.md:10:1: body: 630000 characters without a space or punctuation mark/);
    expect(lines.join('\n')).toMatch(/bracket-storm\.md:10:1: body: more than 200 Markdown markup characters/);
  });

  it('fail the build with the same lines, no stack trace, nothing written', () => {
    expect(run.build.code).toBe(1);
    expect(run.build.output).not.toMatch(STACK_LINE);
    expect(errorLines(run.build.output).sort()).toEqual(errorLines(run.check.stdout).sort());
    expect(existsSync(join(run.out, 'index.html'))).toBe(false);
  });
});

describe('where problems point', () => {
  it('names files relative to the folder check runs in', () => {
    const project = join(work, 'relative');
    writeUnreadableArchive(project, join(project, 'content'));
    // Run as `npm run check` would from that folder: paths are typed and printed relative to it.
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(REPO_ROOT, 'scripts/check.ts'), '--content', 'content'],
      {
        cwd: project,
        encoding: 'utf8',
        env: childEnv({ INIT_CWD: project }),
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^content\/edge\/2020\/07\/bomb\.md:3:9: invalid YAML/m);
    expect(result.stdout).toMatch(/^content\/edge\/2020\/09\/issue\.yaml: the issue has no documents/m);
  });

  it('creates an output folder whose parent does not exist', async () => {
    const content = join(work, 'parent/content');
    writeValidEdgeArchive(content);
    const out = join(work, 'parent/missing/deeper/site');
    // Astro's cache elsewhere, so that nothing else creates the output folder's parent first.
    const build = await astroBuild({
      base: '/',
      outDir: out,
      contentDir: content,
      cacheDir: join(work, 'parent/cache'),
    });
    expect(build.code, build.output.slice(-2000)).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  }, 240_000);
});
