/**
 * The full official title of a document as it is cited (公文标题: 发文机关 + 关于 + 事由 + 文种),
 * e.g. 淄博市人民政府办公室关于印发…的通知. Gazettes print the title without its issuer under a
 * masthead or signature that names it; readers, search engines and citations use the full form,
 * as www.gov.cn/gongbao does. A title that does not start with 关于 (a regulation's own name such
 * as 淄博市物业管理条例, a decree heading, or a title that already names its issuer) is cited as
 * printed.
 */
export interface TitledDocument {
  title: string;
  issuers: readonly string[];
}

/** Joint issuers are cited in their printed order, separated by 、 (GB/T 9704-2012, 7.3.1). */
export function officialTitle({ title, issuers }: TitledDocument): string {
  if (!title.startsWith('关于') || issuers.length === 0) return title;
  return `${issuers.join('、')}${title}`;
}

/** The title without book-title marks (《》) a reader may type around it when citing it. */
export function stripTitleMarks(query: string): string {
  return query
    .trim()
    .replace(/^《(.+)》$/u, '$1')
    .trim();
}
