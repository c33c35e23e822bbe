/**
 * `npm run check` refuses every payload of issue 11 on its own line, as the editor would run it:
 * each raw-HTML and unsafe-URL payload in every document body and in gazette.yaml's `about` is
 * one `path:line:column: field: message` line pointing at the payload itself, and check exits 1.
 * A title with markup is text (escaped everywhere): check warns about it, and the build goes on.
 * (The build's refusal is tests/build/content-is-data.test.ts; forced through the build,
 * tests/e2e/payloads.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmRun, type CliResult } from '../helpers/cli';
import { writePayloadSite, type PayloadSite } from '../helpers/payload-site';
import { PAYLOADS, type Payload } from '../helpers/payloads';

const work = mkdtempSync(join(tmpdir(), 'gazette-payloads-check-'));
let site: PayloadSite;
let check: CliResult;

interface Reported {
  line: number;
  column: number;
  field: string;
  message: string;
}

/** check's errors for one file (outside the folder check ran in, its path is printed absolute). */
function reportedFor(file: string): Reported[] {
  const prefix = `${join(site.contentDir, file)}:`;
  return check.stdout
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => {
      const match = /^(\d+):(\d+): (\w+): (.+)$/u.exec(line.slice(prefix.length));
      if (!match) throw new Error(`not a path:line:column: field: message line: ${line}`);
      return { line: Number(match[1]), column: Number(match[2]), field: match[3]!, message: match[4]! };
    })
    .filter((problem) => !problem.message.startsWith('warning: '));
}

const RULE_MESSAGE: Record<Payload['rule'], RegExp> = {
  'raw-html':
    /^(the HTML tag <\/?[a-z]+> is|an HTML comment is) not allowed: content is Markdown only, raw HTML is refused; write the text itself in Markdown/u,
  'unsafe-url':
    /^the (link address ".*" uses [a-z]+:, which is not allowed: links may be http:, https:, mailto: or relative|image address ".*" is not a file of this site)/u,
};

/**
 * Where each payload is written, from its first line in the file: the payloads follow each
 * other with a blank line between.
 */
function payloadLines(first: number): { payload: Payload; from: number; to: number }[] {
  let line = first;
  return PAYLOADS.map((payload) => {
    const to = line + payload.markdown.split('\n').length - 1;
    const place = { payload, from: line, to };
    line = to + 2;
    return place;
  });
}

/**
 * Every payload has a problem of its own rule inside its lines, pointing at a character that
 * starts markup or a link.
 */
function expectEachRefused(
  file: string,
  text: string,
  field: string,
  first: { line: number; column: number },
  indent: number,
) {
  const reported = reportedFor(file);
  const lines = text.split('\n');
  for (const { payload, from, to } of payloadLines(first.line)) {
    const own = reported.filter((problem) => problem.line >= from && problem.line <= to);
    expect(
      own.length,
      `${file}: ${payload.name} (lines ${from}-${to}) is not refused:\n${check.stdout}`,
    ).toBeGreaterThan(0);
    for (const problem of own) {
      expect(problem.field).toBe(field);
      expect(problem.message, `${file}:${problem.line}: ${payload.name}`).toMatch(RULE_MESSAGE[payload.rule]);
      expect(problem.column).toBeGreaterThan(indent);
      // The column is the payload's own: where its tag, link or image starts.
      expect(
        [...lines[problem.line - 1]!][problem.column - 1],
        `${file}:${problem.line}:${problem.column}: ${payload.name}`,
      ).toMatch(/^[<[!]$/u);
    }
  }
}

beforeAll(() => {
  site = writePayloadSite(work);
  check = npmRun('check', ['--content', site.contentDir]);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run check on the payload archive', () => {
  it('exits 1 and counts the errors it printed', () => {
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const errors = check.stdout
      .split('\n')
      .filter((line) => line.startsWith(site.contentDir) && !line.includes(': warning: ')).length;
    expect(errors).toBeGreaterThan(0);
    expect(check.stdout).toMatch(new RegExp(`^\\d+ files checked, ${errors} errors, 1 warning `, 'mu'));
  });

  it('refuses every payload in every document body at its own line and column', () => {
    expect(site.firstPayload.size).toBeGreaterThan(0);
    for (const [file, first] of site.firstPayload) {
      const text = readFileSync(join(site.contentDir, file), 'utf8');
      expectEachRefused(file, text, 'body', first, 0);
    }
  });

  it("refuses every payload in gazette.yaml's about at its line and column in gazette.yaml", () => {
    const text = readFileSync(join(site.contentDir, 'zibo/gazette.yaml'), 'utf8');
    expectEachRefused('zibo/gazette.yaml', text, 'about', site.aboutPayload!, 2);
    // The <meta> refresh written after them too.
    const last = payloadLines(site.aboutPayload!.line).at(-1)!.to + 2;
    expect(check.stdout).toContain(
      `${join(site.contentDir, 'zibo/gazette.yaml')}:${last}:3: about: the HTML tag <meta> is not allowed`,
    );
  });

  it('reports nothing that is not a payload: every problem is on a payload line', () => {
    const payloadRanges = (first: number) => payloadLines(first).map(({ from, to }) => [from, to] as const);
    const files = [...site.firstPayload.entries(), ['zibo/gazette.yaml', site.aboutPayload!] as const];
    for (const [file, first] of files) {
      const ranges = [...payloadRanges(first.line), [payloadLines(first.line).at(-1)!.to + 2, Infinity] as const];
      for (const problem of reportedFor(file)) {
        expect(
          ranges.some(([from, to]) => problem.line >= from && problem.line <= to),
          `${file}:${problem.line}: ${problem.message}`,
        ).toBe(true);
      }
    }
  });

  it('warns about the title with markup, which is text and goes out escaped: it does not stop the build', () => {
    const [first] = [...site.firstPayload.keys()];
    const titles = check.stdout.split('\n').filter((line) => line.includes(': title: '));
    expect(titles).toEqual([
      `${join(site.contentDir, first!)}:2:1: title: warning: "<script>" looks like HTML, but a title is plain text: readers see it exactly as written; write the title as printed`,
    ]);
  });
});
