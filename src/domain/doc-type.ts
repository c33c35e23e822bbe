/**
 * Document types (文种). The fifteen of GB/T 9704-2012 and the 党政机关公文处理工作条例 (2012,
 * Article 8), plus what gazettes print under their own titles: laws (法), 答复, judicial and
 * legislative 解释, regulations and rules (条例 规定 办法 细则 …), plans, appointment and removal
 * lists (任免), and the kinds of document published as attachments of a 印发/转发 notice.
 * A title names its type in its last words: 关于印发…实施方案的通知 is a 通知.
 */
export const DOCUMENT_TYPES = [
  // GB/T 9704-2012 (命令 is also printed as 令).
  '决议',
  '决定',
  '命令',
  '令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  // Printed by gazettes under their own titles.
  '答复',
  '法',
  '解释',
  '任免',
  '条约',
  '协定',
  '公约',
  '说明',
  '方案',
  '办法',
  '规定',
  '细则',
  '规则',
  '通则',
  '准则',
  '规程',
  '条例',
  '章程',
  '规划',
  '纲要',
  '计划',
  '要点',
  '指南',
  '目录',
  '清单',
  '标准',
  '制度',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

// Longest names first, so that 实施细则 ends in 细则 and 暂行办法 in 办法 rather than in 法.
const BY_LENGTH = [...DOCUMENT_TYPES].sort((a, b) => b.length - a.length);

/**
 * Words ending in 法 that are not the name of a law: a title ending in one of them names no
 * type (办法 is a type of its own and is matched first).
 */
const NOT_A_LAW = /(?:方|做|看|说|想|写|用|算|手|疗|技|语|书)法$/u;

/**
 * What follows the 文种 in a title and is not part of it: bracketed remarks such as （试行）,
 * （2020年修订）, （草案）, （2020—2022年）, （第一批）, one after another, and the number of a
 * 公告 or 令 printed on the title line (国家税务总局公告2019年第1号, 中华人民共和国主席令 第三十一号).
 */
const TRAILING_REMARK = /(?:\s*[（(][^（()）]*[)）]|\s*(?:\d{4}年)?第[\d一二三四五六七八九十百千零〇]+号)\s*$/u;

/** 人事任免 lists are titled by who appoints: 国务院任免国家工作人员, 全国人民代表大会常务委员会任免名单. */
const APPOINTMENTS = /任免|任命|免去|免职/u;

/** The 文种 a title names, or undefined when its last words are not one (then `type:` must say). */
export function deriveDocumentType(title: string): DocumentType | undefined {
  let core = title.trim();
  for (let previous = ''; previous !== core;) {
    previous = core;
    core = core.replace(TRAILING_REMARK, '');
  }
  // 中华人民共和国民法典 is a law like any other.
  if (core.endsWith('法典')) return '法';
  const type = BY_LENGTH.find((name) => core.endsWith(name));
  if (type === '法' && NOT_A_LAW.test(core)) return undefined;
  if (type) return type;
  return APPOINTMENTS.test(core) ? '任免' : undefined;
}
