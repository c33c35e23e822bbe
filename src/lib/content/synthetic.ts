/**
 * A synthetic archive for measuring the tools at scale: any number of valid documents, spread
 * over issues of 24 a year, with bodies of realistic length (paragraphs, heads, a table, cited
 * numbers, a signature). Pure and deterministic: the same options give the same files, so a
 * measurement can be repeated. Callers write the files where they like.
 */
import { GAZETTE_FILE, ISSUE_FILE, issueFolderName } from '../../schemas/content';

export interface SyntheticOptions {
  documents: number;
  /** Documents per issue (default 20). */
  perIssue?: number;
  /** Paragraphs per body (default 12: bodies of about 5 KB, like the sample's). */
  paragraphs?: number;
  firstYear?: number;
  /** Gazette folder name (default "synthetic"). */
  gazette?: string;
}

const ISSUES_PER_YEAR = 24;
const SECTIONS = ['市政府文件', '市政府办公室文件', '部门文件'];
const ISSUERS = [
  ['测试市人民政府', '测政发', 'csf'],
  ['测试市人民政府办公室', '测政办字', 'csbz'],
  ['测试市人民政府办公室', '测政办发', 'csbf'],
] as const;
const SENTENCES = [
  '为深入贯彻落实党中央、国务院决策部署，进一步优化营商环境，结合本市实际，制定本方案。',
  '各区县、各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。',
  '坚持以人民为中心的发展思想，聚焦企业和群众办事的堵点难点，推动政务服务提质增效。',
  '建立健全工作机制，强化部门协同联动，完善信息共享和业务协同，提升治理能力和水平。',
  '对工作推进不力、群众反映强烈的，依照有关规定严肃追究责任。',
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A small linear congruential generator: reproducible "random" choices. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function body(seq: number, signer: string, date: string, year: number, paragraphs: number, next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const lines: string[] = [`按照《测试市政务服务管理办法》（测政发〔${year - 1}〕${seq}号）要求，现将有关事项通知如下。`, ''];
  for (let index = 0; index < paragraphs; index++) {
    if (index % 4 === 0) lines.push(`### ${NUMERALS[(index / 4) % 10]}、工作要求`, '');
    lines.push(`（${NUMERALS[index % 10]}）${pick(SENTENCES)}${pick(SENTENCES)}${pick(SENTENCES)}${pick(SENTENCES)}`, '');
  }
  lines.push('| 序号 | 事项 | 责任单位 |', '| --- | --- | --- |');
  for (let row = 1; row <= 5; row++) lines.push(`| ${row} | 事项${row} | ${signer} |`);
  const [y, m, d] = date.split('-').map(Number);
  lines.push('', ':::signature', signer, `${y}年${m}月${d}日`, ':::', '');
  return lines.join('\n');
}

/** Files of a synthetic content/ tree, keyed by path relative to content/. */
export function syntheticArchive(options: SyntheticOptions): Map<string, string> {
  const { documents, perIssue = 20, paragraphs = 12, firstYear = 2000, gazette = 'synthetic' } = options;
  const next = random(documents);
  const files = new Map<string, string>();
  files.set(`${gazette}/${GAZETTE_FILE}`, 'name: 测试市人民政府公报\npublisher: 测试市人民政府\neditor: 测试市人民政府办公室\n');
  const issueCount = Math.ceil(documents / perIssue);
  for (let issueIndex = 0; issueIndex < issueCount; issueIndex++) {
    const year = firstYear + Math.floor(issueIndex / ISSUES_PER_YEAR);
    const number = (issueIndex % ISSUES_PER_YEAR) + 1;
    const folder = `${gazette}/${year}/${issueFolderName(number)}`;
    // Issue n of a year is published in its month ceil(n/2); its documents are dated before.
    const month = String(Math.ceil(number / 2)).padStart(2, '0');
    files.set(
      `${folder}/${ISSUE_FILE}`,
      `year: ${year}\nnumber: ${number}\ncumulative: ${issueIndex + 1}\npublished: ${year}-${month}-28\nsections:\n${SECTIONS.map((s) => `  - ${s}\n`).join('')}`,
    );
    const count = Math.min(perIssue, documents - issueIndex * perIssue);
    for (let index = 0; index < count; index++) {
      const section = Math.floor((index * SECTIONS.length) / count);
      const [issuer, prefix, slugPrefix] = ISSUERS[section];
      const seq = (number - 1) * perIssue + index + 1;
      const date = `${year}-${month}-${String(1 + Math.floor(next() * 27)).padStart(2, '0')}`;
      const frontmatter = [
        '---',
        `title: 关于印发测试市第${seq}项工作实施方案的通知`,
        `number: ${prefix}〔${year}〕${seq}号`,
        'issuers:',
        `  - ${issuer}`,
        `date: ${date}`,
        'recipients:',
        '  - 各区县人民政府',
        '  - 市政府各部门',
        `section: ${SECTIONS[section]}`,
        `page: ${index * 4 + 1}`,
        '---',
        '',
      ];
      files.set(`${folder}/${slugPrefix}-${year}-${seq}.md`, frontmatter.join('\n') + body(seq, issuer, date, year, paragraphs, next));
    }
  }
  return files;
}
