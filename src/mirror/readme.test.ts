import { describe, expect, it } from 'vitest';
import { mirrorReadme, type MirrorReadmeInfo } from './readme';

const INFO: MirrorReadmeInfo = {
  gazetteName: '淄博市人民政府公报',
  publisher: '淄博市人民政府',
  date: '2020-06-03',
  dateSource: 'newest-document',
  issues: 1,
  documents: 5,
  years: [2020, 2020],
  siteUrl: 'https://gazette.example.org/',
  exampleNumber: '淄政办字〔2020〕56号',
};

describe('mirrorReadme', () => {
  it('says what the mirror is, its date, how to use and verify it, for Windows Notepad too', () => {
    const text = mirrorReadme(INFO);
    expect(text.startsWith('\uFEFF《淄博市人民政府公报》离线镜像\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/u);
    for (const part of [
      '镜像日期：2020年6月3日（所收最新文件的成文日期）',
      '收录范围：2020年，共 1 期、5 篇文件',
      '在线版：https://gazette.example.org/',
      '双击本文件夹中的 index.html',
      '全文检索在离线状态下即可使用',
      '“淄政办字〔2020〕56号”',
      'sha256sum -c SHA256SUMS',
      'shasum -a 256 -c SHA256SUMS',
      'Get-FileHash',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('names a span of years and a date that was set for the build', () => {
    const text = mirrorReadme({ ...INFO, years: [2018, 2020], dateSource: 'build-date', exampleNumber: undefined });
    expect(text).toContain('2018年至2020年');
    expect(text).toContain('（制作时指定的日期）');
    expect(text).toContain('也可直接输入发文字号查找文件');
  });
});
