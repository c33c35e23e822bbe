/**
 * Document types (文种). The fifteen of the 党政机关公文处理工作条例 (2012, Article 8), plus the
 * kinds of document that gazettes publish as attachments or under a 印发/转发 notice.
 * A title names its type in its last words: 关于印发…实施方案的通知 is a 通知.
 */
export const DOCUMENT_TYPES = [
  '决议', '决定', '命令', '令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
  '方案', '办法', '规定', '细则', '规则', '条例', '规划', '计划', '要点', '指南', '目录', '清单', '标准', '制度', '章程',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

// Longest names first, so that 实施细则 ends in 细则 rather than being misread.
const BY_LENGTH = [...DOCUMENT_TYPES].sort((a, b) => b.length - a.length);

/** The 文种 a title ends with, ignoring a trailing bracketed remark such as （试行） or （2020—2022年）. */
export function deriveDocumentType(title: string): DocumentType | undefined {
  const core = title.trim().replace(/[（(][^（()）]*[)）]$/u, '').trim();
  return BY_LENGTH.find((type) => core.endsWith(type));
}
