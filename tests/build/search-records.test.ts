/**
 * Both search indexes take what they know of a document from its search record
 * (src/search/records.ts, made from data/documents.jsonl), while Pagefind reads the built page:
 * on every page of the sample build, the page's `data-pagefind-*` marks and indexed text must
 * say what the record says, and the shard manifest must count the records' filters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addFilterCounts, sortedCounts, type FilterCounts, type ShardManifest } from '../../src/search/pagefind/shards';
import { readSearchRecords, recordPageFile, type SearchRecord } from '../../src/search/records';
import { RECENT_TITLES_FILE, type RecentTitle } from '../../src/search/recent-titles';
import { ISSUE_TOC } from '../helpers/archive';
import { foldText, listFiles, readPage } from '../helpers/built-site';
import { pagefindMarks } from '../helpers/pagefind-marks';

let out: string;
let records: SearchRecord[];
beforeAll(async () => {
  out = inject('outRoot');
  records = await Array.fromAsync(readSearchRecords(out));
});

describe('search records', () => {
  it('name every page Pagefind indexes, and only those', () => {
    const marked = listFiles(out).filter(
      (file) => file.endsWith('.html') && !file.startsWith('pagefind/') && pagefindMarks(readPage(out, file)),
    );
    expect(records.map(recordPageFile).sort()).toEqual(marked);
    expect(records).toHaveLength(ISSUE_TOC.length);
  });

  it('say what each document page marks for Pagefind: metadata, filters, sort date, weighted title and text', () => {
    for (const record of records) {
      const marks = pagefindMarks(readPage(out, recordPageFile(record)))!;
      expect([record.id, marks.meta]).toEqual([record.id, record.meta]);
      expect([record.id, marks.filters]).toEqual([record.id, record.filters]);
      expect([record.id, marks.sort]).toEqual([record.id, record.sort]);
      const chars = Array.from(record.text);
      expect(marks.weighted).toEqual(
        record.weights.map(([start, end, weight]) => [chars.slice(start, end).join(''), weight]),
      );
      expect([record.id, foldText(marks.text)]).toEqual([record.id, foldText(record.text)]);
    }
  });

  it("count the archive's filters in the shard manifest", () => {
    const manifest = JSON.parse(readFileSync(join(out, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    const counts: FilterCounts = {};
    for (const record of records) addFilterCounts(counts, record.filters);
    expect(manifest.filters).toEqual(sortedCounts(counts));
    expect(manifest.shards.reduce((sum, shard) => sum + shard.documents, 0)).toBe(records.length);
  });

  it('say what the title pre-answer shows of the newest documents, in printed order', () => {
    const titles = JSON.parse(readFileSync(join(out, RECENT_TITLES_FILE), 'utf8')) as RecentTitle[];
    expect(titles.map((title) => title.url)).toEqual(ISSUE_TOC.map((doc) => `/2020/07/${doc.slug}/`));
    for (const title of titles) {
      const { meta } = records.find((record) => `/${record.id}/` === title.url)!;
      expect({ ...title, issuers: title.issuers.join('、'), page: String(title.page) }).toEqual({
        url: title.url,
        title: meta.title,
        ...(meta.number ? { number: meta.number } : {}),
        date: meta.date,
        issuers: meta.issuer,
        issue: meta.issue,
        page: meta.page,
        ...(meta.status !== '有效' ? { status: meta.status } : {}),
      });
    }
  });
});
