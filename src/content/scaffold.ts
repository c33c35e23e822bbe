/**
 * `npm run new`: a new document file with every frontmatter field of the schema, filled where
 * the arguments and the issue tell (section, page, date, type), placeholders where only the
 * editor knows, and the optional fields commented out; plus the issue's issue.yaml when the
 * issue is new. Placeholders pass the schema but fail `npm run check` and the build, so a
 * half-filled document cannot be published.
 *
 * The issue folder is read leniently (a half-filled sibling must not stop the next document);
 * the archive reader validates everything afterwards.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { dump } from 'js-yaml';
import { formatChineseDate, parseIsoDate } from '../domain/dates';
import { deriveDocumentType } from '../domain/doc-type';
import { normalizeDocNumber } from '../domain/doc-number';
import { slugForNumber } from '../domain/slug';
import { DOCUMENT_SLUG, GAZETTE_FILE, GAZETTE_ID, ISSUE_FILE, issueFolderName } from './schema';
import { placeholder } from './placeholders';
import { splitFrontmatter } from './source-text';
import { parseYaml } from './yaml-source';

export interface ScaffoldOptions {
  /** `<year>/<issue>`, e.g. 2020/07 or 2020/7. */
  target: string;
  title?: string;
  number?: string;
  slug?: string;
  /** 成文日期, YYYY-MM-DD; default today in China. */
  date?: string;
  /** One of the issue's sections; default the last document's, or the first. */
  section?: string;
}

/** What is known of an issue folder, read leniently. */
export interface IssueInfo {
  year: number;
  number: number;
  cumulative?: number;
  sections: string[];
}

export interface ExistingDocument {
  section?: string;
  page?: number;
}

export interface ScaffoldPlan {
  /** Paths relative to the gazette folder. */
  documentPath: string;
  document: string;
  issuePath: string;
  /** The new issue.yaml, when the issue folder is new. */
  issue?: string;
}

export class ScaffoldError extends Error {}

/** Today's date in China (Asia/Shanghai, no daylight saving), as YYYY-MM-DD. */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function parseTarget(target: string): { year: number; number: number } {
  const match = /^(\d{4})\/(\d{1,3})\/?$/.exec(target);
  if (!match || Number(match[2]) === 0) {
    throw new ScaffoldError(`"${target}" is not an issue: write <year>/<issue number>, e.g. 2020/07`);
  }
  return { year: Number(match[1]), number: Number(match[2]) };
}

/** A YAML scalar as js-yaml would write it (quoted only when it must be). */
function scalar(value: string | number): string {
  return dump(value, { lineWidth: -1 }).trimEnd();
}

/** `key: value   # comment`, or the line commented out when the field is optional and unknown. */
function field(key: string, value: string, comment: string, commented = false): string {
  const line = `${commented ? '# ' : ''}${key}:${value ? ` ${value}` : ''}`;
  return `${line}${' '.repeat(Math.max(2, 34 - displayWidth(line)))}# ${comment}`;
}

/** Columns in a monospaced editor: CJK characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
}

/**
 * The last document in printed order (section order, then page; page alone in an issue without
 * sections), by which the new one goes.
 */
function lastDocument(documents: ExistingDocument[], sections: string[]): ExistingDocument | undefined {
  const order = (document: ExistingDocument) => (sections.length === 0 ? 0 : sections.indexOf(document.section ?? ''));
  return documents
    .filter((document) => document.page !== undefined && order(document) !== -1)
    .sort((a, b) => order(a) - order(b) || a.page! - b.page!)
    .at(-1);
}

/** Plans the files; pure. `issue` is the issue's issue.yaml if it exists, `neighbour` the nearest other issue. */
export function planScaffold(
  options: ScaffoldOptions,
  context: { today: string; issue?: IssueInfo; documents: ExistingDocument[]; neighbour?: IssueInfo },
): ScaffoldPlan {
  const { year, number } = parseTarget(options.target);
  const folder = `${year}/${issueFolderName(number)}`;

  const canonicalNumber = options.number === undefined ? undefined : normalizeDocNumber(options.number);
  if (canonicalNumber === null) {
    throw new ScaffoldError(`--number "${options.number}" is not a document number: write it like 淄政办字〔2020〕54号 or 市政府令第102号`);
  }
  const slug = options.slug ?? (canonicalNumber ? slugForNumber(canonicalNumber) : undefined);
  if (!slug) throw new ScaffoldError('give --slug (the file name and permalink, e.g. zzbz-2020-54) or --number to derive it from');
  if (!DOCUMENT_SLUG.test(slug)) {
    throw new ScaffoldError(`--slug "${slug}" is not a valid slug: use lower-case ASCII letters, digits and hyphens, e.g. zzbz-2020-54`);
  }
  const date = options.date ?? context.today;
  if (!parseIsoDate(date)) throw new ScaffoldError(`--date "${date}" is not a real date written YYYY-MM-DD, e.g. 2020-05-24`);

  const sections = context.issue?.sections ?? context.neighbour?.sections ?? [];
  // The issue (or, for a new one, the nearest issue) is not divided into sections: nor is the document.
  const sectionless = (context.issue ?? context.neighbour) !== undefined && sections.length === 0;
  if (options.section !== undefined && sectionless) {
    throw new ScaffoldError(`--section "${options.section}": ${context.issue ? folder : `the nearest issue, ${context.neighbour!.year}/${issueFolderName(context.neighbour!.number)},`} is not divided into sections; leave --section out`);
  }
  if (options.section !== undefined && sections.length > 0 && !sections.includes(options.section)) {
    throw new ScaffoldError(`--section "${options.section}" is not a section of ${folder}; use one of: ${sections.join('、')}`);
  }
  const last = context.issue ? lastDocument(context.documents, sections) : undefined;
  const section = options.section ?? last?.section ?? sections[0] ?? placeholder('栏目');
  const page = last ? last.page! + 1 : 1;
  const type = options.title === undefined ? undefined : deriveDocumentType(options.title);
  const signer = placeholder('署名（发文机关）');

  const frontmatter = [
    '---',
    field('title', scalar(options.title ?? `关于${placeholder('标题')}的通知`), '标题, without the issuer'),
    field('number', scalar(canonicalNumber ?? '淄政办字〔2020〕54号'), '发文字号, if the document has one', !canonicalNumber),
    field('issuers', '', '发文机关, one or more'),
    `  - ${placeholder('发文机关')}`,
    field('date', date, '成文日期 (YYYY-MM-DD)'),
    field('recipients', '', '主送机关, optional', true),
    `#   - 各区县人民政府`,
    ...(sectionless ? [] : [field('section', scalar(section), sections.length > 1 ? `栏目, one of: ${sections.join('、')}` : '栏目')]),
    field('page', String(page), 'first page in the printed issue'),
    field('type', type ?? '通知', '文种, optional: derived from the title', !type),
    field('expires', '2030-12-31', '有效期至, optional', true),
    field('repeals', '', 'numbers of documents this one repeals, optional', true),
    '#   - 淄政办发〔2018〕9号',
    field('forwards', '', 'a document forwarded (转发) by this notice, optional', true),
    '#   title: 淄博市移动支付便民工程建设工作方案',
    '#   issuers: [中国人民银行淄博市中心支行]',
    '---',
  ];
  const body = [
    '',
    placeholder('正文'),
    '',
    ':::signature',
    signer,
    formatChineseDate(date),
    ':::',
    '',
  ];
  const plan: ScaffoldPlan = {
    documentPath: `${folder}/${slug}.md`,
    document: [...frontmatter, ...body].join('\n'),
    issuePath: `${folder}/${ISSUE_FILE}`,
  };
  if (!context.issue) plan.issue = issueYaml(year, number, context.neighbour);
  return plan;
}

function issueYaml(year: number, number: number, neighbour: IssueInfo | undefined): string {
  // Within a year the cumulative number (总第N期) runs with the issue number.
  const cumulative =
    neighbour?.cumulative !== undefined && neighbour.year === year ? neighbour.cumulative + number - neighbour.number : undefined;
  const sections = neighbour?.sections.length ? neighbour.sections : [placeholder('栏目')];
  const from = neighbour ? ` (as in ${neighbour.year}/${issueFolderName(neighbour.number)})` : '';
  const sectionLines =
    neighbour && neighbour.sections.length === 0
      ? [field('sections', '', `栏目, optional: none, as in ${neighbour.year}/${issueFolderName(neighbour.number)}`, true), '#   - 市政府文件']
      : [field('sections', '', `栏目 in printed order, without 【】${from}`), ...sections.map((name) => `  - ${scalar(name)}`)];
  return [
    field('year', String(year), '年份'),
    field('number', String(number), '期'),
    field('cumulative', String(cumulative ?? 1), '总第N期, optional', cumulative === undefined),
    field('published', `${year}-01-01`, '出版日期, optional (YYYY-MM-DD)', true),
    ...sectionLines,
    field('pdf', 'https://example.org/2020-07.pdf', 'the printed issue: URL or a PDF file in this folder, optional', true),
    '',
  ].join('\n');
}

/** Reads what the scaffold needs from an issue folder, ignoring what it cannot read. */
function readIssueInfo(dir: string): IssueInfo | undefined {
  try {
    const value = parseYaml(readFileSync(join(dir, ISSUE_FILE), 'utf8')).value as Record<string, unknown>;
    if (typeof value?.year !== 'number' || typeof value.number !== 'number') return undefined;
    return {
      year: value.year,
      number: value.number,
      cumulative: typeof value.cumulative === 'number' ? value.cumulative : undefined,
      sections: Array.isArray(value.sections) ? value.sections.filter((name): name is string => typeof name === 'string') : [],
    };
  } catch {
    return undefined;
  }
}

function readExistingDocuments(dir: string): ExistingDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => {
      try {
        const parts = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
        const value = parts && (parseYaml(parts.yaml).value as Record<string, unknown>);
        if (!value) return [];
        return [
          {
            section: typeof value.section === 'string' ? value.section : undefined,
            page: typeof value.page === 'number' ? value.page : undefined,
          },
        ];
      } catch {
        return [];
      }
    });
}

/** The issue nearest to year/number among the gazette's other issues: the one before, else after. */
function nearestIssue(gazetteDir: string, year: number, number: number): IssueInfo | undefined {
  const folders = readdirSync(gazetteDir)
    .filter((name) => /^\d{4}$/.test(name))
    .flatMap((yearName) =>
      readdirSync(join(gazetteDir, yearName))
        .filter((name) => /^\d{2,3}$/.test(name))
        .map((issueName) => ({ year: Number(yearName), number: Number(issueName), dir: join(gazetteDir, yearName, issueName) })),
    )
    .filter((issue) => issue.year !== year || issue.number !== number)
    .sort((a, b) => a.year - b.year || a.number - b.number);
  const before = folders.filter((issue) => issue.year < year || (issue.year === year && issue.number < number));
  const after = folders.filter((issue) => !before.includes(issue));
  for (const candidate of [...before.reverse(), ...after]) {
    const info = readIssueInfo(candidate.dir);
    if (info) return info;
  }
  return undefined;
}

export interface ScaffoldResult {
  /** Paths written, relative to the project root (the content folder's parent). */
  written: string[];
}

/** Writes the planned files; never overwrites one (writes with the exclusive flag). */
export function scaffold(contentDir: string, options: ScaffoldOptions, now = new Date()): ScaffoldResult {
  const gazettes = existsSync(contentDir)
    ? readdirSync(contentDir).filter((name) => GAZETTE_ID.test(name) && existsSync(join(contentDir, name, GAZETTE_FILE)))
    : [];
  if (gazettes.length !== 1) {
    throw new ScaffoldError(
      gazettes.length === 0
        ? `no gazette in ${contentDir}: create ${join(contentDir, '<gazette>', GAZETTE_FILE)} first (see README, Content model)`
        : `${contentDir} holds several gazettes (${gazettes.join(', ')}); a site publishes one`,
    );
  }
  const gazetteDir = join(contentDir, gazettes[0]);
  const { year, number } = parseTarget(options.target);
  const issueDir = join(gazetteDir, String(year), issueFolderName(number));
  const issueExists = existsSync(join(issueDir, ISSUE_FILE));
  const plan = planScaffold(options, {
    today: todayInChina(now),
    issue: issueExists ? readIssueInfo(issueDir) ?? { year, number, sections: [] } : undefined,
    documents: existsSync(issueDir) ? readExistingDocuments(issueDir) : [],
    neighbour: issueExists ? undefined : nearestIssue(gazetteDir, year, number),
  });
  const projectPath = (path: string) => relative(dirname(contentDir), join(gazetteDir, path)).split(sep).join('/');
  const documentFile = join(gazetteDir, plan.documentPath);
  if (existsSync(documentFile)) {
    throw new ScaffoldError(`${projectPath(plan.documentPath)} already exists; nothing was written (choose another --slug, or edit that file)`);
  }
  mkdirSync(issueDir, { recursive: true });
  const written: string[] = [];
  if (plan.issue) {
    writeFileSync(join(gazetteDir, plan.issuePath), plan.issue, { flag: 'wx' });
    written.push(projectPath(plan.issuePath));
  }
  writeFileSync(documentFile, plan.document, { flag: 'wx' });
  written.push(projectPath(plan.documentPath));
  return { written };
}
