import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../site/open-data';
import { readSearchRecords, recordPageFile, searchRecord } from './records';

function record(fields: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    schemaVersion: 1,
    statusDate: '2021-01-01',
    id: '2020/07/zzbz-2020-56',
    url: 'https://example.org/2020/07/zzbz-2020-56/',
    dataUrl: 'https://example.org/data/documents/2020/07/zzbz-2020-56.json',
    title: '关于人才贷的意见',
    number: '淄政办字〔2020〕56号',
    issuers: ['淄博市人民政府办公室'],
    date: '2020-05-26',
    recipients: [],
    type: '意见',
    section: null,
    issue: { id: '2020/07', year: 2020, number: 7, label: '2020年第7期', url: 'https://example.org/2020/07/' },
    page: 3,
    expires: null,
    status: '有效',
    forwards: null,
    relations: {
      repeals: [],
      amends: [],
      basis: [],
      cites: [],
      repealedBy: [],
      amendedBy: [],
      basisOf: [],
      forwardedBy: [],
      citedBy: [],
    },
    anchors: [],
    text: '推动“人才贷”业务。\n\n第二段。',
    ...fields,
  };
}

describe('searchRecord', () => {
  it('gives the text, metadata, filters, sort date and title and number weights the document page marks for Pagefind', () => {
    expect(searchRecord(record())).toEqual({
      id: '2020/07/zzbz-2020-56',
      meta: {
        date: '2020-05-26',
        issuer: '淄博市人民政府办公室',
        number: '淄政办字〔2020〕56号',
        title: '淄博市人民政府办公室关于人才贷的意见',
        type: '意见',
        status: '有效',
        issue: '2020年第7期',
        page: '3',
      },
      filters: { issuer: ['淄博市人民政府办公室'], status: ['有效'], type: ['意见'], year: ['2020年'] },
      sort: { date: '2020-05-26' },
      text: '淄博市人民政府办公室关于人才贷的意见\n淄政办字〔2020〕56号\n推动“人才贷”业务。\n第二段。',
      weights: [
        [0, 18, 10],
        [19, 32, 5],
      ],
    });
  });

  it('files a section under its filter, several issuers each under theirs, and the year of the issue', () => {
    const { filters, meta } = searchRecord(
      record({
        section: '市政府文件',
        issuers: ['淄博市人民政府', '淄博市财政局'],
        issue: { ...record().issue, year: 2021 },
      }),
    );
    expect(filters).toEqual({
      issuer: ['淄博市人民政府', '淄博市财政局'],
      section: ['市政府文件'],
      status: ['有效'],
      type: ['意见'],
      year: ['2021年'],
    });
    expect(meta.issuer).toBe('淄博市人民政府、淄博市财政局');
  });

  it('leaves out a number the document does not have, from the metadata and the text', () => {
    const found = searchRecord(record({ number: null }));
    expect(found.meta).not.toHaveProperty('number');
    expect(found.text).toBe('淄博市人民政府办公室关于人才贷的意见\n推动“人才贷”业务。\n第二段。');
  });

  it('keeps table cells apart and drops margins and blank lines, as the page reads', () => {
    expect(searchRecord(record({ number: null, text: '各区县：\n\n  一、表格\n序号\t任务 \n\n\n1\t推广' })).text).toBe(
      '淄博市人民政府办公室关于人才贷的意见\n各区县：\n一、表格\n序号\t任务\n1\t推广',
    );
  });

  it('measures the title and number weights in code points', () => {
    expect(searchRecord(record({ title: '𠀀𠀁意见' })).weights).toEqual([
      [0, 4, 10],
      [5, 18, 5],
    ]);
    expect(searchRecord(record({ title: '𠀀𠀁意见', number: null })).weights).toEqual([[0, 4, 10]]);
  });
});

describe('recordPageFile', () => {
  it('names the built page of the document', () => {
    expect(recordPageFile({ id: '2020/07/zzbz-2020-56' })).toBe('2020/07/zzbz-2020-56/index.html');
  });
});

describe('readSearchRecords', () => {
  const work = mkdtempSync(join(tmpdir(), 'gazette-records-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const site = (name: string, jsonl: string | null) => {
    const dir = join(work, name);
    mkdirSync(join(dir, 'data'), { recursive: true });
    if (jsonl !== null) writeFileSync(join(dir, 'data/documents.jsonl'), jsonl);
    return dir;
  };

  it("reads a built site's documents.jsonl, one record a line, in its order", async () => {
    const lines = [record({ id: '2020/07/a' }), record({ id: '2020/07/b', title: '通知' })]
      .map((r) => `${JSON.stringify(r)}\n`)
      .join('');
    const records = await Array.fromAsync(readSearchRecords(site('ok', lines)));
    expect(records.map((r) => [r.id, r.meta.title])).toEqual([
      ['2020/07/a', '淄博市人民政府办公室关于人才贷的意见'],
      ['2020/07/b', '通知'],
    ]);
  });

  it('names the file and line of a line that is not a document record', async () => {
    const dir = site('bad', `${JSON.stringify(record())}\n{"id": 3}\n`);
    await expect(Array.fromAsync(readSearchRecords(dir))).rejects.toThrow(/documents\.jsonl:2: not a document record/u);
    const broken = site('broken', '{"id": \n');
    await expect(Array.fromAsync(readSearchRecords(broken))).rejects.toThrow(/documents\.jsonl:1: not a JSON line/u);
  });

  it('says where the open data should be when the site has none', async () => {
    await expect(Array.fromAsync(readSearchRecords(site('none', null)))).rejects.toThrow(
      /data\/documents\.jsonl: missing; the search indexes are built from the open data/u,
    );
  });
});
