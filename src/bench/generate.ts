/**
 * Generates gazette archives of any size for benchmarks and scale tests: issues of about ten
 * documents, 24 issues a year, back through as many years as needed, with document numbers,
 * issuers, sections, tables and signatures, and text taken from real regulations
 * (./text-source.ts). The output is valid content: it passes src/content/schema.ts and the
 * archive reader. Documents have the sizes of real gazette documents (`MARKDOWN_SIZE`).
 *
 * Pure and deterministic: the same options give the same files, and any issue can be
 * generated on its own (`generateIssue`), so a benchmark can add "the next issue" to an
 * archive it generated earlier without holding the archive in memory.
 */
import { checkCitations } from '../content/citations';
import { formatChineseDate, toIsoDate } from '../domain/dates';
import type { SourceText } from './text-source';

export interface BenchArchiveOptions {
  /** Number of documents in the archive. */
  documents: number;
  /** Where titles and paragraphs come from; at least one text. */
  texts: readonly SourceText[];
  /** Year of the newest issue (default 2025); the oldest year follows from the size. */
  lastYear?: number;
  /** Seed of the pseudo-random choices (default 1). */
  seed?: number;
  /** Gazette folder name under content/ (default `shili`). */
  gazetteId?: string;
}

/** A file of the archive, its path relative to the content folder. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface IssuePlan {
  /** 0-based position in the archive, oldest first. */
  index: number;
  year: number;
  number: number;
  cumulative: number;
  published: string;
  documents: number;
}

export interface ArchivePlan {
  gazetteId: string;
  firstYear: number;
  lastYear: number;
  issuesPerYear: number;
  issues: number;
  documents: number;
}

/** Issues a year, as most provincial and municipal gazettes publish (semi-monthly). */
export const ISSUES_PER_YEAR = 24;
/** The schema accepts years from 1949; documents may be dated up to a year before the issue. */
export const FIRST_POSSIBLE_YEAR = 1950;
/** Documents per issue cycle through these sizes: ten on average, as in real issues. */
const ISSUE_SIZES = [10, 9, 11, 10, 12, 8, 10, 11, 9, 10] as const;
const MEAN_ISSUE_SIZE = 10;
/** Room for document numbers: sequence = issue number × this + position in the issue. */
const NUMBERS_PER_ISSUE = 16;

/**
 * The size of a document's Markdown file (front matter included, UTF-8 bytes): log-normal,
 * clamped. Derived from real data:
 * - the spread (σ of the log of the size) is that of the 683 regulations of LawRefBook's
 *   行政法规 (/work/shared/corpus/lawrefbook: mean 13.9 KB, median 11.4 KB, p90 26.4 KB, p99
 *   44.7 KB, max 78 KB; σ of ln(bytes) = 0.73, and a log-normal of that σ and median fits
 *   their mean, 14.3 KB against 13.9 KB);
 * - the mean is that of gazette documents: the sample issue's five (content/zibo, 2020 no. 7:
 *   5.0, 5.6, 7.3, 9.5 and 20.2 KB, mean 9.5 KB, median 7.3 KB) and the issue's target of about
 *   10 KB. Regulations are longer than the notices, opinions and plans of a gazette.
 * With μ = ln(10,000) − σ²/2 the median is 7.7 KB (the sample's: 7.3 KB), p90 19.5 KB, p99
 * 42 KB; the tail is cut at 60 KB (about 1 document in 400) and the head at 1.5 KB (a short
 * notice: front matter, a paragraph or two, the signature).
 */
export const MARKDOWN_SIZE = { meanBytes: 10_000, sigma: 0.73, minBytes: 1_500, maxBytes: 60_000 } as const;
/** Share of documents (not 令) with an attachment table: one of the sample's five has one. */
const TABLE_SHARE = 0.2;

export const BENCH_GAZETTE = {
  name: '示例市人民政府公报',
  romanizedName: 'SHILI SHI RENMIN ZHENGFU GONGBAO',
  publisher: '示例市人民政府',
  editor: '示例市人民政府办公室',
  city: '示例市',
};

type IssuerKind = 'government' | 'office' | 'order' | 'department';

interface Issuer {
  name: string;
  /** 机关代字 (or the order name for 令). */
  code: string;
  /** Slug prefix: lower-case ASCII, unique per code. */
  slug: string;
  kind: IssuerKind;
}

const ISSUERS: readonly Issuer[] = [
  { name: '示例市人民政府', code: '示政发', slug: 'szf', kind: 'government' },
  { name: '示例市人民政府', code: '示政字', slug: 'szz', kind: 'government' },
  { name: '示例市人民政府', code: '示例市人民政府令', slug: 'szl', kind: 'order' },
  { name: '示例市人民政府办公室', code: '示政办发', slug: 'szbf', kind: 'office' },
  { name: '示例市人民政府办公室', code: '示政办字', slug: 'szbz', kind: 'office' },
  { name: '示例市发展和改革委员会', code: '示发改', slug: 'sfg', kind: 'department' },
  { name: '示例市财政局', code: '示财', slug: 'scz', kind: 'department' },
  { name: '示例市教育局', code: '示教发', slug: 'sjy', kind: 'department' },
  { name: '示例市自然资源和规划局', code: '示自然资规', slug: 'szr', kind: 'department' },
  { name: '示例市卫生健康委员会', code: '示卫健发', slug: 'swj', kind: 'department' },
  { name: '示例市人力资源和社会保障局', code: '示人社发', slug: 'srs', kind: 'department' },
];

/** Sections in printed order, and which issuers print in each. */
const SECTIONS: readonly { name: string; kinds: readonly IssuerKind[] }[] = [
  { name: '市政府文件', kinds: ['government', 'order'] },
  { name: '市政府办公室文件', kinds: ['office'] },
  { name: '部门文件', kinds: ['department'] },
];

const RECIPIENTS: Record<IssuerKind, readonly string[]> = {
  government: ['各区县人民政府', '市政府各部门', '各有关单位'],
  office: ['各区县人民政府', '市政府各部门', '各有关单位'],
  order: [],
  department: ['各区县有关部门', '各有关单位'],
};

/** Title templates per issuer kind; `{}` is the topic. Each ends with a 文种 the schema derives. */
const TITLES: Record<IssuerKind, readonly string[]> = {
  government: ['关于进一步加强{}工作的意见', '关于印发示例市{}实施办法的通知', '关于{}有关事项的决定'],
  office: ['关于做好{}工作的通知', '关于印发示例市{}工作方案的通知', '关于加快推进{}工作的实施意见'],
  order: ['示例市{}管理办法'],
  department: ['关于印发《示例市{}实施细则》的通知', '示例市{}管理规定', '关于开展{}专项检查的通知'],
};

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** The numbering of a source head (第一章, 一、, （一）), replaced by the document's own. */
const HEAD_NUMBERING =
  /^(?:第[一二三四五六七八九十百零]+[编章节]\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/u;

/* ---------------------------------------------------------------------------------- random */

/** Mulberry32: a tiny, fast, well-distributed 32-bit PRNG; enough for picking text. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one (seed, issue, document) triple, independent of every other. */
function randomFor(seed: number, issue: number, document: number): () => number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (issue + 0x165667b1), 0xc2b2ae35);
  h = Math.imul(h ^ (document + 0x27d4eb2f), 0x9e3779b1);
  return mulberry32(h ^ (h >>> 16));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A standard normal deviate (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random(); // in (0, 1]: the logarithm stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A document's Markdown size in bytes, drawn from `MARKDOWN_SIZE`. */
export function markdownSize(random: () => number): number {
  const { meanBytes, sigma, minBytes, maxBytes } = MARKDOWN_SIZE;
  const mu = Math.log(meanBytes) - (sigma * sigma) / 2;
  return Math.round(Math.min(maxBytes, Math.max(minBytes, Math.exp(mu + sigma * normal(random)))));
}

/* ------------------------------------------------------------------------------------ plan */

export function planArchive(options: Pick<BenchArchiveOptions, 'documents' | 'lastYear' | 'gazetteId'>): ArchivePlan {
  const documents = Math.floor(options.documents);
  if (!(documents >= 1)) throw new Error(`documents: expected a whole number of at least 1, got ${options.documents}`);
  const lastYear = options.lastYear ?? 2025;
  if (lastYear < FIRST_POSSIBLE_YEAR || lastYear > 2100) {
    throw new Error(`lastYear: expected a year from ${FIRST_POSSIBLE_YEAR} to 2100, got ${lastYear}`);
  }
  const issues = Math.max(1, Math.ceil(documents / MEAN_ISSUE_SIZE));
  const availableYears = lastYear - FIRST_POSSIBLE_YEAR + 1;
  // A ministry's archive of 100,000 documents does not fit 24 issues a year since 1950: it
  // then gets more issues a year (issue folders allow three digits), as national gazettes do.
  const issuesPerYear = Math.max(ISSUES_PER_YEAR, Math.ceil(issues / availableYears));
  if (issuesPerYear > 999) throw new Error(`documents: ${documents} do not fit in ${availableYears} years of issues`);
  const years = Math.ceil(issues / issuesPerYear);
  return {
    gazetteId: options.gazetteId ?? 'shili',
    firstYear: lastYear - years + 1,
    lastYear,
    issuesPerYear,
    issues,
    documents,
  };
}

/**
 * The issue at a position, oldest first. Positions past the archive's end are the issues that
 * would come next, so `issueAt(plan, plan.issues)` is the next issue to publish.
 */
export function issueAt(plan: ArchivePlan, index: number): IssuePlan {
  const year = plan.firstYear + Math.floor(index / plan.issuesPerYear);
  const number = (index % plan.issuesPerYear) + 1;
  // Issues spread evenly over the year; the last one is published on 31 December.
  const dayOfYear = Math.round((number * 365) / plan.issuesPerYear);
  const published = dateFromDayOfYear(year, Math.max(1, dayOfYear));
  let documents: number = ISSUE_SIZES[index % ISSUE_SIZES.length]!;
  if (index < plan.issues) {
    // The oldest issues absorb the rounding, so the archive has exactly plan.documents.
    const surplus = plan.issues * MEAN_ISSUE_SIZE - plan.documents + cycleDrift(plan.issues);
    documents -= shareOfSurplus(surplus, index);
  }
  return { index, year, number, cumulative: index + 1, published, documents };
}

/**
 * The issues a rebuild benchmark adds after the archive: the next issue of the newest year
 * (null when that year is full), and the first issue of the year after it. Adding both leaves
 * the newest year's remaining numbers unpublished, as a gazette that skipped them would.
 */
export function nextIssues(plan: ArchivePlan): { sameYear: number | null; newYear: number } {
  const newYear = Math.ceil(plan.issues / plan.issuesPerYear) * plan.issuesPerYear;
  return { sameYear: newYear > plan.issues ? plan.issues : null, newYear };
}

/** Sum of (size − mean) over the first n issues of the size cycle. */
function cycleDrift(n: number): number {
  let drift = 0;
  for (let i = 0; i < n % ISSUE_SIZES.length; i += 1) drift += ISSUE_SIZES[i]! - MEAN_ISSUE_SIZE;
  return drift;
}

/** How many documents issue `index` gives up (or, when negative, gains) so that the total comes out exact. */
function shareOfSurplus(surplus: number, index: number): number {
  if (surplus < 0) return index === 0 ? surplus : 0;
  // The oldest issues give up documents in turn, each keeping at least one.
  let remaining = surplus;
  for (let i = 0; i <= index && remaining > 0; i += 1) {
    const give = Math.min(ISSUE_SIZES[i % ISSUE_SIZES.length]! - 1, remaining);
    if (i === index) return give;
    remaining -= give;
  }
  return 0;
}

function dateFromDayOfYear(year: number, day: number): string {
  const date = new Date(Date.UTC(year, 0, day));
  return toIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** The same day five years on (28 February for 29 February). */
function fiveYearsLater(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year + 5, month - 1, day));
  if (date.getUTCDate() !== day) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/* ------------------------------------------------------------------------------- documents */

interface GeneratedDocument {
  slug: string;
  section: string;
  sectionIndex: number;
  frontmatter: string[];
  body: string;
  pages: number;
}

/** The subject of a regulation's name: 中华人民共和国不动产登记暂行条例 → 不动产登记. */
export function topicOf(title: string): string {
  const topic = title
    .replace(/[（(][^（()）]*[)）]$/u, '')
    .replace(/^(?:中华人民共和国|国务院)/u, '')
    .replace(/(?:实施细则|暂行条例|实施条例|条例|暂行规定|规定|暂行办法|实施办法|办法|细则|决定|规则)$/u, '')
    .replace(/^关于/u, '')
    .replace(/[《》“”"]/gu, '');
  return topic.length >= 2 ? topic : title;
}

function yamlScalar(value: string): string {
  // Plain scalars read back as written unless they hold YAML syntax; JSON quoting is valid YAML.
  return /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|[\n"]/u.test(value) || value === '' ? JSON.stringify(value) : value;
}

/** Paragraphs of the texts, starting in `texts[first]` at `start`, then on through the following texts, for ever. */
function* paragraphStream(texts: readonly SourceText[], first: number, start: number, year: number): Generator<string> {
  let yielded = false;
  for (let t = 0; ; t += 1) {
    const text = texts[(first + t) % texts.length]!;
    const from = t === 0 ? start : 0;
    for (let i = 0; i < text.paragraphs.length; i += 1) {
      const paragraph = text.paragraphs[(from + i) % text.paragraphs.length]!;
      // Skip paragraphs that cite numbers of later years: the archive check would reject them.
      if (checkCitations(paragraph, year).length > 0) continue;
      yielded = true;
      yield paragraph;
    }
    if (t % texts.length === texts.length - 1 && !yielded) {
      throw new Error('texts: every paragraph cites a document of a later year; give other texts');
    }
  }
}

/** Takes paragraphs while their bytes come nearest to `bytes` (at least one). */
function takeBytes(stream: Iterator<string>, bytes: number): string[] {
  const taken: string[] = [];
  let size = 0;
  while (taken.length === 0 || size < bytes) {
    const paragraph = stream.next().value as string;
    // Each paragraph is followed by a blank line: two newlines.
    const length = Buffer.byteLength(paragraph) + 2;
    if (taken.length > 0 && size + length / 2 > bytes) break;
    taken.push(paragraph);
    size += length;
  }
  return taken;
}

function tableCell(text: string): string {
  return text.replace(/\|/gu, '｜').trim();
}

/**
 * A task table like the sample's 附件 (工作任务清单): six columns, the measures a whole
 * paragraph, rows until the table has about `bytes`.
 */
function taskTable(
  random: () => number,
  stream: Iterator<string>,
  topic: string,
  year: number,
  bytes: number,
): string[] {
  const lines = [
    '## 附件',
    '',
    `### ${topic}工作任务清单`,
    '',
    '| 序号 | 工作任务 | 目标任务 | 工作措施 | 牵头单位 | 配合单位 |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  let size = Buffer.byteLength(lines.join('\n'));
  for (let row = 1; row <= 3 || size < bytes; row += 1) {
    const [task = topic, goal = topic] = (stream.next().value as string).split(/[，。；：]/u).filter(Boolean);
    const measures = stream.next().value as string;
    const lead = pick(random, ISSUERS).name.replace(BENCH_GAZETTE.city, '市');
    const partners = [pick(random, ISSUERS), pick(random, ISSUERS)].map((i) =>
      i.name.replace(BENCH_GAZETTE.city, '市'),
    );
    const line =
      `| ${row} | ${tableCell(task)} | ${tableCell(goal)}，${year}年${1 + Math.floor(random() * 12)}月底前完成。 | ` +
      `${tableCell(measures)} | ${lead} | ${[...new Set(partners)].join('、')} |`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  lines.push('');
  return lines;
}

function generateDocument(
  options: Required<Pick<BenchArchiveOptions, 'seed' | 'texts'>>,
  issue: IssuePlan,
  position: number,
): GeneratedDocument {
  const random = randomFor(options.seed, issue.index, position);
  // About one document in thirty is a 政府令 (规章); one 令 at most per issue keeps its number unique.
  const issuer =
    position === 0 && random() < 0.3
      ? ISSUERS.find((i) => i.kind === 'order')!
      : pick(
          random,
          ISSUERS.filter((i) => i.kind !== 'order'),
        );
  const sectionIndex = SECTIONS.findIndex((section) => section.kinds.includes(issuer.kind));
  const sourceIndex = Math.floor(random() * options.texts.length);
  const source = options.texts[sourceIndex]!;
  const topic = topicOf(source.title);
  const title = pick(random, TITLES[issuer.kind]).replace('{}', topic);

  const date = daysBefore(issue.published, 1 + Math.floor(random() * 25));
  const year = Number(date.slice(0, 4));
  // Documents of the previous year (late December, printed in January) get their own range,
  // so that no number of that year is taken twice.
  const yearRange = year < issue.year ? 1000 * NUMBERS_PER_ISSUE : 0;
  const seq = issuer.kind === 'order' ? issue.index + 1 : yearRange + issue.number * NUMBERS_PER_ISSUE + position + 1;
  const number = issuer.kind === 'order' ? `${issuer.code}第${seq}号` : `${issuer.code}〔${year}〕${seq}号`;
  const slug = issuer.kind === 'order' ? `${issuer.slug}-${seq}` : `${issuer.slug}-${year}-${seq}`;

  const frontmatter = [
    `title: ${yamlScalar(title)}`,
    `number: ${number}`,
    'issuers:',
    `  - ${issuer.name}`,
    `date: ${date}`,
  ];
  const recipients = RECIPIENTS[issuer.kind];
  if (recipients.length > 0) frontmatter.push('recipients:', ...recipients.map((r) => `  - ${r}`));
  frontmatter.push(`section: ${SECTIONS[sectionIndex]!.name}`);
  // 规范性文件 are often valid for five years; older ones have expired by now (status filter).
  if (issuer.kind !== 'order' && random() < 0.3) frontmatter.push(`expires: ${fiveYearsLater(date)}`);

  const opening = `为贯彻落实《${source.title}》，进一步做好${topic}工作，结合本市实际，${issuer.kind === 'order' ? '制定本办法' : '现就有关事项通知如下'}。`;
  const signature = [':::signature', issuer.name, formatChineseDate(date), ':::', ''];
  // The text fills what the file's size leaves after the front matter (with `page:` and the
  // fences), the opening and the signature; a table, when there is one, takes a share of it.
  const fixed = Buffer.byteLength(
    [...frontmatter, 'page: 100', '---', '---', '', opening, '', ...signature].join('\n'),
  );
  const textBytes = Math.max(0, markdownSize(random) - fixed);
  const table = issuer.kind !== 'order' && random() < TABLE_SHARE;
  const tableBytes = table ? Math.round(textBytes * (0.2 + 0.5 * random())) : 0;
  const stream = paragraphStream(options.texts, sourceIndex, Math.floor(random() * source.paragraphs.length), year);
  const tableLines = table ? taskTable(random, stream, topic, year, tableBytes) : [];
  const heads = source.heads.length > 0 ? source.heads : [topic];
  const headStart = Math.floor(random() * heads.length);
  // Heads and blank lines take about 40 bytes per six paragraphs.
  const paragraphs = takeBytes(stream, textBytes - Buffer.byteLength(tableLines.join('\n')) - 40);
  const headCount = Math.min(CHINESE_ORDINALS.length, Math.max(1, Math.floor(paragraphs.length / 6)));

  const lines: string[] = [opening, ''];
  const perHead = Math.ceil(paragraphs.length / headCount);
  for (let h = 0; h < headCount; h += 1) {
    const head = heads[(headStart + h) % heads.length]!.replace(HEAD_NUMBERING, '') || topic;
    lines.push(`### ${CHINESE_ORDINALS[h]}、${head}`, '');
    for (const paragraph of paragraphs.slice(h * perHead, (h + 1) * perHead)) lines.push(paragraph, '');
  }
  lines.push(...tableLines, ...signature);
  const body = lines.join('\n');
  return {
    slug,
    section: SECTIONS[sectionIndex]!.name,
    sectionIndex,
    frontmatter,
    body,
    pages: Math.max(1, Math.ceil(body.length / 1500)),
  };
}

/** The files of one issue: issue.yaml and its documents. */
export function generateIssue(options: BenchArchiveOptions, plan: ArchivePlan, index: number): GeneratedFile[] {
  if (options.texts.length === 0) throw new Error('texts: need at least one source text');
  const seed = options.seed ?? 1;
  const issue = issueAt(plan, index);
  const dir = `${plan.gazetteId}/${issue.year}/${String(issue.number).padStart(2, '0')}`;
  const documents = Array.from({ length: issue.documents }, (_, position) =>
    generateDocument({ seed, texts: options.texts }, issue, position),
  ).sort((a, b) => a.sectionIndex - b.sectionIndex);
  const sections = SECTIONS.filter((_, i) => documents.some((d) => d.sectionIndex === i)).map((s) => s.name);

  const files: GeneratedFile[] = [
    {
      path: `${dir}/issue.yaml`,
      content: [
        `year: ${issue.year}`,
        `number: ${issue.number}`,
        `cumulative: ${issue.cumulative}`,
        `published: ${issue.published}`,
        'sections:',
        ...sections.map((name) => `  - ${name}`),
        '',
      ].join('\n'),
    },
  ];
  // Pages run on through the issue in table-of-contents order, after a two-page 目录.
  let page = 3;
  for (const document of documents) {
    files.push({
      path: `${dir}/${document.slug}.md`,
      content: ['---', ...document.frontmatter, `page: ${page}`, '---', '', document.body].join('\n'),
    });
    page += document.pages;
  }
  return files;
}

export function gazetteFile(plan: ArchivePlan): GeneratedFile {
  return {
    path: `${plan.gazetteId}/gazette.yaml`,
    content: [
      `name: ${BENCH_GAZETTE.name}`,
      `romanizedName: ${BENCH_GAZETTE.romanizedName}`,
      `publisher: ${BENCH_GAZETTE.publisher}`,
      `editor: ${BENCH_GAZETTE.editor}`,
      `founded: ${plan.firstYear}-01`,
      'about: |',
      `  《${BENCH_GAZETTE.name}》是为测量构建和检索性能而生成的合成公报，共${plan.documents}篇文件。`,
      '',
      '  文件正文取自真实的法规文本，标题、文号、发文机关和日期均为程序生成，不具有任何效力。',
      '',
    ].join('\n'),
  };
}

/** Every file of the archive, gazette.yaml first, then issue by issue (oldest first). */
export function* generateArchive(options: BenchArchiveOptions): Generator<GeneratedFile> {
  const plan = planArchive(options);
  yield gazetteFile(plan);
  for (let index = 0; index < plan.issues; index += 1) yield* generateIssue(options, plan, index);
}
