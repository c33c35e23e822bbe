/**
 * npm run import:accuracy [-- --json] [--details] [--fixtures <dir>]
 *
 * Imports every fixture issue (tests/fixtures/gazettes/<gazette>/<issue>.txt) in-process and
 * compares the result with its <issue>.expected.json: per-field accuracy per gazette and in
 * total, documents written, paragraph boundaries kept, text kept, and text accounting when the
 * importer reports it. Exit 0 whatever the figures (thresholds are asserted by tests); 2 when a
 * fixture cannot be read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  FIELDS,
  measureIssue,
  percent,
  scoredFields,
  sumAccuracy,
  type ExpectedIssue,
  type IssueAccuracy,
  type Ratio,
} from '../src/import/accuracy';
import { importIssueText } from '../src/import/import-issue';
import { invocationDir, parseCommandLine } from './invocation';

const USAGE = 'usage: npm run import:accuracy [-- --json] [--details] [--fixtures <dir>]';

interface FixtureIssue {
  gazette: string;
  issue: string;
  accuracy: IssueAccuracy;
}

function fixtureIssues(root: string): { gazette: string; issue: string; text: string; expected: string }[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(({ name }) =>
      readdirSync(join(root, name))
        .filter((file) => file.endsWith('.expected.json'))
        .sort()
        .map((file) => {
          const issue = file.replace(/\.expected\.json$/u, '');
          return { gazette: name, issue, text: join(root, name, `${issue}.txt`), expected: join(root, name, file) };
        }),
    );
}

/** A path as the editor would type it: relative inside the working folder, else absolute. */
function shown(path: string): string {
  const inside = relative(invocationDir(), path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? resolve(path) : inside;
}

function cell(ratio: Ratio): string {
  return `${percent(ratio)} (${ratio.right}/${ratio.of})`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((value, column) => value.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function summaryRows(label: string, issues: readonly IssueAccuracy[]): string[] {
  const total = sumAccuracy(issues);
  const accounting = total.accounting
    ? `${total.accounting.lines - total.accounting.unplaced}/${total.accounting.lines}`
    : 'not reported';
  return [
    label,
    percent(total.issueValues),
    cell(total.documents),
    ...FIELDS.map((field) => percent(total.fields[field])),
    percent(scoredFields(total.fields)),
    percent(total.boundaries),
    percent(total.textKept),
    accounting,
  ];
}

function main(): number {
  const args = parseCommandLine(
    {
      json: { type: 'boolean', default: false },
      details: { type: 'boolean', default: false },
      fixtures: { type: 'string' },
    },
    USAGE,
  );
  if (!args) return Number(process.exitCode ?? 0);
  const root =
    args.values.fixtures === undefined
      ? join(import.meta.dirname, '../tests/fixtures/gazettes')
      : resolve(invocationDir(), args.values.fixtures);
  let fixtures;
  try {
    fixtures = fixtureIssues(root);
  } catch (error) {
    console.error(`${shown(root)}: cannot read the fixture folder: ${(error as Error).message}`);
    return 2;
  }
  const results: FixtureIssue[] = [];
  for (const fixture of fixtures) {
    let text: string;
    let expected: ExpectedIssue;
    try {
      text = readFileSync(fixture.text, 'utf8');
      expected = JSON.parse(readFileSync(fixture.expected, 'utf8')) as ExpectedIssue;
    } catch (error) {
      console.error(`${shown(fixture.expected)}: cannot read the fixture: ${(error as Error).message}`);
      return 2;
    }
    results.push({
      gazette: fixture.gazette,
      issue: fixture.issue,
      accuracy: measureIssue(importIssueText(text), expected),
    });
  }

  if (args.values.json) {
    const gazettes = [...new Set(results.map(({ gazette }) => gazette))];
    const perGazette = Object.fromEntries(
      gazettes.map((gazette) => [
        gazette,
        sumAccuracy(results.filter((result) => result.gazette === gazette).map(({ accuracy }) => accuracy)),
      ]),
    );
    const total = sumAccuracy(results.map(({ accuracy }) => accuracy));
    console.log(
      JSON.stringify({ issues: results, perGazette, total: { ...total, scored: scoredFields(total.fields) } }, null, 2),
    );
    return 0;
  }

  const header = ['', 'issue', 'documents', ...FIELDS, 'all 7 fields', 'boundaries', 'text kept', 'accounted lines'];
  const rows = [header];
  for (const { gazette, issue, accuracy } of results) rows.push(summaryRows(`${gazette}/${issue}`, [accuracy]));
  for (const gazette of new Set(results.map((result) => result.gazette))) {
    rows.push(
      summaryRows(
        `${gazette} (all)`,
        results.filter((result) => result.gazette === gazette).map(({ accuracy }) => accuracy),
      ),
    );
  }
  rows.push(
    summaryRows(
      'total',
      results.map(({ accuracy }) => accuracy),
    ),
  );
  console.log(table(rows));

  if (args.values.details) {
    for (const { gazette, issue, accuracy } of results) {
      for (const document of accuracy.perDocument) {
        const wrong = Object.entries(document.wrong).map(
          ([field, [want, have]]) => `${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}`,
        );
        if (wrong.length === 0 && document.boundaries.right === document.boundaries.of) continue;
        console.log(`\n${gazette}/${issue} ${document.slug ?? '(not written)'} ${document.title}`);
        for (const line of wrong) console.log(`  ${line}`);
        console.log(`  boundaries ${cell(document.boundaries)}, text kept ${cell(document.textKept)}`);
      }
      if (accuracy.extra.length > 0)
        console.log(`\n${gazette}/${issue}: written but not expected: ${accuracy.extra.join(', ')}`);
    }
  }
  return 0;
}

process.exitCode = main();
