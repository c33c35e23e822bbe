/**
 * README.txt at the root of the offline mirror, for the librarian or clerk who unpacks it:
 * what it is, as of when, how to open and search it, how to check it is complete. In Chinese,
 * like the archive. Written with CRLF line breaks and a UTF-8 byte-order mark, because that
 * is what makes Windows Notepad of every version show Chinese text correctly; sha256sum and
 * every other tool read it all the same.
 */
import { formatChineseDate } from '../domain/dates';

export interface MirrorReadmeInfo {
  /** 刊名 */
  gazetteName: string;
  /** 主办单位 */
  publisher: string;
  /** The mirror's date, YYYY-MM-DD. */
  date: string;
  /** Where the date comes from, for the reader. */
  dateSource: 'newest-document' | 'build-date';
  issues: number;
  documents: number;
  /** First and last year of the archive. */
  years: [number, number];
  /** The published site, e.g. https://gazette.example.org/ */
  siteUrl: string;
  /** A document number of the archive, to show how number lookup is typed. */
  exampleNumber?: string;
}

export function mirrorReadme(info: MirrorReadmeInfo): string {
  const date = formatChineseDate(info.date);
  const dateNote = info.dateSource === 'newest-document' ? '（所收最新文件的成文日期）' : '（制作时指定的日期）';
  const years = info.years[0] === info.years[1] ? `${info.years[0]}年` : `${info.years[0]}年至${info.years[1]}年`;
  const lines = [
    `《${info.gazetteName}》离线镜像`,
    '',
    `镜像日期：${date}${dateNote}`,
    `收录范围：${years}，共 ${info.issues} 期、${info.documents} 篇文件`,
    `主办单位：${info.publisher}`,
    `在线版：${info.siteUrl}`,
    '',
    '一、这是什么',
    `本文件夹是《${info.gazetteName}》网站在${date}的完整离线副本，包括各期目录、全部文件正文和附件。`,
    '在没有网络的电脑上也能浏览和检索，不需要安装任何软件。文件的效力状态按镜像日期标注，之后的变化请以在线版为准。',
    '',
    '二、怎样使用',
    '1. 解压后，双击本文件夹中的 index.html，用浏览器（Chrome、Edge、Firefox 等）打开首页。',
    '2. 可按年份、期号浏览，也可通过“发文机关”“文种”“文号”索引查找文件。',
    '3. 全文检索在离线状态下即可使用：在页面顶部的搜索框输入词语，可检索标题和正文，并按年份、发文机关等筛选；',
    `   也可直接输入发文字号${info.exampleNumber ? `（如“${info.exampleNumber}”，括号写作 [ ] 或 ( ) 均可）` : ''}查找文件。`,
    '4. 可将整个文件夹复制到U盘、光盘或内部网络的共享目录中使用，请保持文件夹内的结构和文件名不变。',
    '',
    '三、校验文件是否完整',
    'SHA256SUMS 列出了本文件夹中每个文件（SHA256SUMS 本身除外）的 SHA-256 校验值。在本文件夹中执行：',
    '  Linux：       sha256sum -c SHA256SUMS',
    '  macOS：       shasum -a 256 -c SHA256SUMS',
    '  Windows：     在 PowerShell 中执行 Get-FileHash -Algorithm SHA256 <文件名>，与 SHA256SUMS 中的值比对。',
    '每个文件都显示“OK”（或校验值一致），即说明镜像完整、未被改动。',
    '',
  ];
  return `\uFEFF${lines.join('\r\n')}`;
}
