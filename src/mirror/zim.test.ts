import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZIM_ILLUSTRATION, zimwriterfsArgs, type ZimInfo } from './zim';

const INFO: ZimInfo = {
  gazetteId: 'zibo',
  gazetteName: '淄博市人民政府公报',
  publisher: '淄博市人民政府',
  editor: '淄博市人民政府办公室',
  siteUrl: 'https://gazette.example.org/',
  issues: 1,
  documents: 5,
};

describe('zimwriterfsArgs', () => {
  it('gives zimwriterfs every mandatory argument, in Chinese (zho)', () => {
    expect(zimwriterfsArgs(INFO, '/tmp/staged', '/tmp/zibo.zim')).toEqual([
      '--welcome=index.html',
      '--illustration=_zim/illustration-48x48.png',
      '--language=zho',
      '--title=淄博市人民政府公报',
      '--description=淄博市人民政府公报离线版：1期、5篇文件全文，可检索',
      '--creator=淄博市人民政府',
      '--publisher=淄博市人民政府办公室',
      '--name=zibo_zh_all',
      '--tags=gazette;government;_category:other',
      '--source=https://gazette.example.org/',
      '--scraper=gazette-archive',
      '/tmp/staged',
      '/tmp/zibo.zim',
    ]);
  });

  it('keeps the title within 30 characters and the description within 80', () => {
    const args = zimwriterfsArgs({ ...INFO, gazetteName: '很'.repeat(50) }, 'd', 'z');
    const value = (name: string) => Array.from(args.find((a) => a.startsWith(`--${name}=`))!.slice(name.length + 3));
    expect(value('title')).toHaveLength(30);
    expect(value('description').length).toBeLessThanOrEqual(80);
  });
});

describe('the ZIM illustration', () => {
  it('is a 48×48 PNG, as zimwriterfs requires', () => {
    const png = readFileSync(ZIM_ILLUSTRATION);
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([48, 48]);
  });
});
