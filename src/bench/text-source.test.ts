import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentBody, parseRegulation, readArchiveTexts, readRegulationCorpus } from './text-source';

describe('parseRegulation', () => {
  it('reads the title, the heads and the paragraphs after the header', () => {
    const text = parseRegulation(
      '# 护士条例\n\n2008年1月31日 中华人民共和国国务院令第517号公布\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了维护护士的合法权益，规范护理行为，制定本条例。\n\n全社会应当尊重护士。\n',
    );
    expect(text).toEqual({
      title: '护士条例',
      heads: ['第一章 总则'],
      paragraphs: ['第一条 为了维护护士的合法权益，规范护理行为，制定本条例。'],
    });
  });

  it('returns null without a title or text', () => {
    expect(parseRegulation('no title')).toBeNull();
    expect(parseRegulation('# 空条例\n\n<!-- INFO END -->\n')).toBeNull();
  });
});

describe('parseDocumentBody', () => {
  it('keeps running text and drops blocks, tables and heads', () => {
    const body =
      '各单位：现将有关事项通知如下，请认真贯彻执行。\n\n### 一、总体要求\n\n| 序号 | 任务 |\n| --- | --- |\n\n:::signature\n淄博市人民政府办公室（长名称用于测试）\n2020年5月26日\n:::\n\n要强化检查督导，确保各项政策落地见效。\n';
    expect(parseDocumentBody('意见', body)).toEqual({
      title: '意见',
      heads: ['一、总体要求'],
      paragraphs: ['各单位：现将有关事项通知如下，请认真贯彻执行。', '要强化检查督导，确保各项政策落地见效。'],
    });
  });
});

describe('reading sources', () => {
  it('reads a corpus folder in file-name order and says what is wrong with an empty one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    try {
      mkdirSync(join(dir, '行政法规'));
      writeFileSync(join(dir, '行政法规', '_index.md'), '---\nbookCollapseSection: true\n---\n');
      writeFileSync(
        join(dir, '行政法规', 'b(2020-01-01).md'),
        '# 乙条例\n\n<!-- INFO END -->\n\n第一条 乙条例的第一条内容较长，用于测试。\n',
      );
      writeFileSync(
        join(dir, '行政法规', 'a(2020-01-01).md'),
        '# 甲条例\n\n<!-- INFO END -->\n\n第一条 甲条例的第一条内容较长，用于测试。\n',
      );
      expect(readRegulationCorpus(dir).map((t) => t.title)).toEqual(['甲条例', '乙条例']);
      expect(() => readRegulationCorpus(join(dir, 'missing'))).toThrow(/cannot read the folder/);
      expect(() => readRegulationCorpus(join(dir, '行政法规', '..', '行政法规', 'x'))).toThrow(/corpus/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the sample issue as text', () => {
    const texts = readArchiveTexts(join(__dirname, '../../content'));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t.paragraphs.some((p) => p.includes('人才贷')))).toBe(true);
  });
});
