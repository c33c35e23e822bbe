/**
 * The importer against every fixture issue of real gazettes (tests/fixtures/gazettes): nothing
 * lost, every document written, and the accuracy the issue asks for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../domain/doc-type';
import { measureIssue, sumAccuracy, type ExpectedIssue, type IssueAccuracy, type Ratio } from './accuracy';
import { importIssueText } from './import-issue';

const ROOT = join(import.meta.dirname, '../../tests/fixtures/gazettes');

const issues = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap(({ name }) =>
    readdirSync(join(ROOT, name))
      .filter((file) => file.endsWith('.expected.json'))
      .map((file) => `${name}/${file.replace(/\.expected\.json$/u, '')}`),
  )
  .sort();

const share = ({ right, of }: Ratio) => (of === 0 ? 1 : right / of);

describe('importing the fixture issues of real gazettes', () => {
  const measured: IssueAccuracy[] = [];

  it('has fixture issues of at least three gazettes', () => {
    expect(new Set(issues.map((issue) => issue.split('/')[0])).size).toBeGreaterThanOrEqual(3);
  });

  it.each(issues)('%s: every line accounted for, every document written', (issue) => {
    const text = readFileSync(join(ROOT, `${issue}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(ROOT, `${issue}.expected.json`), 'utf8')) as ExpectedIssue;
    const result = importIssueText(text);
    const { accounting } = result;
    expect(accounting.unplaced).toEqual([]);
    expect(accounting.issue + accounting.about + accounting.documents + accounting.dropped.length).toBe(
      accounting.total,
    );
    expect(accounting.total).toBe(
      text.split(/\r\n|\r|\n/u).filter((line) => line.replace(/\f/gu, '').trim() !== '').length,
    );
    // Only layout is dropped: running headers and page numbers.
    for (const { reason } of accounting.dropped) expect(['page number', 'running header or footer']).toContain(reason);
    expect(result.documents).toHaveLength(expected.documents.length);
    measured.push(measureIssue(result, expected));
  });

  it('reads every field of ≥ 98 % of the documents and keeps ≥ 97 % of paragraph boundaries', () => {
    expect(measured).toHaveLength(issues.length);
    const total = sumAccuracy(measured);
    expect(total.documents.right).toBe(total.documents.of);
    for (const field of ['title', 'number', 'issuers', 'date', 'page', 'section'] as const) {
      expect(share(total.fields[field]), field).toBeGreaterThanOrEqual(0.98);
    }
    expect(share(total.boundaries)).toBeGreaterThanOrEqual(0.97);
    expect(share(total.textKept)).toBe(1);
  });

  it('gives the type of ≥ 98 % of the documents whose type the schema lists', () => {
    // The importer takes the type from the title; the list of types is the schema's.
    const typed = measured.flatMap((issue, index) => {
      const expected = JSON.parse(readFileSync(join(ROOT, `${issues[index]}.expected.json`), 'utf8')) as ExpectedIssue;
      return issue.perDocument.filter((_, position) =>
        (DOCUMENT_TYPES as readonly string[]).includes(expected.documents[position]!.type),
      );
    });
    const right = typed.filter(({ wrong }) => !('type' in wrong)).length;
    expect(right / typed.length).toBeGreaterThanOrEqual(0.98);
  });
});
