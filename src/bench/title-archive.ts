/**
 * An archive for measuring search ranking on real titles (`scripts/title-ranking.ts`,
 * tests/build/title-ranking.test.ts): the benchmark archive of ./generate.ts, in which some
 * documents are real regulations under their real titles (法律援助条例, 个体工商户条例 …), among
 * documents whose titles and texts name the same subjects (促进个体工商户发展条例, 杭州市法律援助条例,
 * notices that cite 《法律援助条例》). It comes with the queries a reader would type and the
 * document each must find first:
 *
 * - `title`: a real law title;
 * - `official`, `official-marked`: a notice's full title as cited (发文机关 + 标题), bare and in 《》;
 * - `phrase`: a three-character term printed in one document only, whose characters and words
 *   are everywhere.
 *
 * Pure and deterministic, like the generator it builds on.
 */
import { deriveDocumentType } from '../domain/doc-type';
import { officialTitle } from '../domain/official-title';
import { checkCitations } from '../content/citations';
import { generateArchive, type GeneratedFile } from './generate';
import type { SourceText } from './text-source';

/**
 * Real titles of laws and local regulations that a corpus of State Council regulations does not
 * hold, each with the regulation whose text stands in for its own: they collide with the
 * corpus's titles as real archives do (法律援助条例 and 杭州市法律援助条例, 中华人民共和国监察法 and
 * 劳动保障监察条例).
 */
export const EXTRA_TITLES: readonly { title: string; source: string }[] = [
  { title: '中华人民共和国监察法', source: '行政机关公务员处分条例' },
  { title: '杭州市法律援助条例', source: '法律援助条例' },
  { title: '北京市法律援助条例', source: '法律援助条例' },
  { title: '中华人民共和国法律援助法', source: '法律援助条例' },
  { title: '中华人民共和国劳动法', source: '劳动保障监察条例' },
  { title: '中华人民共和国食品安全法', source: '中华人民共和国食品安全法实施条例' },
  { title: '中华人民共和国安全生产法', source: '安全生产许可证条例' },
  { title: '中华人民共和国土地管理法', source: '中华人民共和国土地管理法实施条例' },
  { title: '中华人民共和国药品管理法', source: '中华人民共和国药品管理法实施条例' },
  { title: '中华人民共和国个人所得税法', source: '中华人民共和国个人所得税法实施条例' },
  { title: '北京市物业管理条例', source: '物业管理条例' },
  { title: '中华人民共和国道路交通安全法', source: '中华人民共和国道路交通安全法实施条例' },
];

/** The 30 real titles searched for, each expected to find the document of that title first. */
export const TITLE_QUERIES: readonly string[] = [
  '法律援助条例',
  '个体工商户条例',
  '中华人民共和国监察法',
  '促进个体工商户发展条例',
  '杭州市法律援助条例',
  '劳动保障监察条例',
  '中华人民共和国劳动法',
  '信访条例',
  '信访工作条例',
  '物业管理条例',
  '中华人民共和国档案法实施条例',
  '中华人民共和国档案法实施办法',
  '中华人民共和国食品安全法实施条例',
  '中华人民共和国食品安全法',
  '安全生产许可证条例',
  '工伤保险条例',
  '失业保险条例',
  '森林防火条例',
  '草原防火条例',
  '全国经济普查条例',
  '全国农业普查条例',
  '中华人民共和国反倾销条例',
  '中华人民共和国反补贴条例',
  '中华人民共和国看守所条例',
  '拘留所条例',
  '残疾人教育条例',
  '残疾人就业条例',
  '中华人民共和国无线电管理条例',
  '中华人民共和国土地管理法实施条例',
  '中华人民共和国土地管理法',
];

/**
 * Terms printed in one document only (planted in a generated notice), each of three characters
 * whose words occur in many documents: 人才贷 against 人才 and 贷款.
 */
export const PLANTED_TERMS: readonly { term: string; sentence: string }[] = [
  { term: '人才贷', sentence: '对引进的高层次人才创办的企业，合作银行可以发放“人才贷”，给予贷款贴息支持。' },
  { term: '惠企贷', sentence: '对符合条件的小微企业，合作银行可以发放“惠企贷”，简化贷款审批手续。' },
  { term: '链长制', sentence: '全面推行产业链“链长制”，由市领导担任重点产业链链长，统筹协调产业发展。' },
];

export type RankingCaseKind = 'title' | 'official' | 'official-marked' | 'phrase';

export interface RankingCase {
  kind: RankingCaseKind;
  query: string;
  /** The document that must come first: its id, `2020/07/szbz-2020-54`. */
  expected: string;
}

export interface TitleArchive {
  files: GeneratedFile[];
  cases: RankingCase[];
}

export interface TitleArchiveOptions {
  documents: number;
  /** Real regulations (readRegulationCorpus), or any texts with the titles the queries name. */
  texts: readonly SourceText[];
  seed?: number;
  /** Notices whose full cited title is searched for (each bare and in 《》; default 5). */
  officialCases?: number;
}

/** Paragraphs a real-title document keeps of its regulation: enough for a realistic length. */
const REGULATION_PARAGRAPHS = 60;

function documentId(path: string): string {
  return path.replace(/^[^/]+\//u, '').replace(/\.md$/u, '');
}

interface Frontmatter {
  title: string;
  issuers: string[];
  year: number;
}

function parseDocument(content: string): { head: string; body: string; fields: Frontmatter } {
  const end = content.indexOf('\n---\n', 4);
  const head = content.slice(0, end + 5);
  const title = head.match(/^title: (.*)$/mu)![1]!;
  const issuers = [...head.match(/^issuers:\n((?: {2}- .+\n)+)/mu)![1]!.matchAll(/^ {2}- (.+)$/gmu)].map((m) => m[1]!);
  const year = Number(head.match(/^date: (\d{4})/mu)![1]);
  return {
    head,
    body: content.slice(end + 5),
    fields: { title: title.startsWith('"') ? (JSON.parse(title) as string) : title, issuers, year },
  };
}

/** The same document under another title and with another text before its signature. */
function rewrite(content: string, title: string | null, text: (year: number, body: string) => string): string {
  const { head, body, fields } = parseDocument(content);
  const newHead = title === null ? head : head.replace(/^title: .*$/mu, `title: ${JSON.stringify(title)}`);
  const signature = body.indexOf(':::signature');
  return `${newHead}${text(fields.year, body.slice(0, signature))}${body.slice(signature)}`;
}

function regulationText(source: SourceText, year: number): string {
  const usable = source.paragraphs.filter((paragraph) => checkCitations(paragraph, year).length === 0);
  return `${usable
    .slice(0, REGULATION_PARAGRAPHS)
    .map((paragraph) => `${paragraph}\n\n`)
    .join('')}`;
}

/**
 * The archive and its cases. Real-title documents replace generated ones spread evenly over the
 * archive: the queries' documents and the extra titles first, then the other regulations, as
 * many as fit in one document out of fourteen (all of a 683-regulation corpus at 10,000).
 */
export function titleArchive(options: TitleArchiveOptions): TitleArchive {
  // One text per title: a corpus may hold several versions of a regulation (the last is kept).
  const byTitle = new Map(options.texts.map((text) => [text.title, text]));
  const texts = [...byTitle.values()].filter((text) => deriveDocumentType(text.title) !== undefined);
  const extras = EXTRA_TITLES.filter((extra) => byTitle.has(extra.source)).map((extra) => ({
    ...byTitle.get(extra.source)!,
    title: extra.title,
  }));
  const all = [...texts, ...extras];
  const wanted = new Set<string>([...TITLE_QUERIES, ...EXTRA_TITLES.map((extra) => extra.title)]);
  const real = [...all.filter((text) => wanted.has(text.title)), ...all.filter((text) => !wanted.has(text.title))];

  const files = [...generateArchive({ documents: options.documents, texts, seed: options.seed })];
  const documents = files.flatMap((file, index) => (file.path.endsWith('.md') ? [index] : []));
  const realCount = Math.min(real.length, Math.max(wanted.size, Math.floor(documents.length / 14)));
  const reserved = PLANTED_TERMS.length + (options.officialCases ?? 5);
  if (realCount + reserved > documents.length) {
    throw new Error(`documents: ${options.documents} is too few for ${realCount + reserved} ranking cases`);
  }
  const step = documents.length / realCount;
  const realAt = new Map<number, SourceText>();
  for (let i = 0; i < realCount; i += 1) realAt.set(documents[Math.floor(i * step)]!, real[i]!);

  const cases: RankingCase[] = [];
  for (const [index, source] of realAt) {
    files[index] = {
      path: files[index]!.path,
      content: rewrite(files[index]!.content, source.title, (year) => regulationText(source, year)),
    };
  }
  const idByTitle = new Map([...realAt].map(([index, source]) => [source.title, documentId(files[index]!.path)]));
  for (const query of TITLE_QUERIES) {
    const expected = idByTitle.get(query);
    if (expected) cases.push({ kind: 'title', query, expected });
  }

  // Generated notices with a cited title of their own (no other document has the same one).
  const generated = documents.filter((index) => !realAt.has(index));
  const cited = new Map<string, number[]>();
  for (const index of generated) {
    const { fields } = parseDocument(files[index]!.content);
    if (!fields.title.startsWith('关于')) continue;
    const key = officialTitle(fields);
    cited.set(key, [...(cited.get(key) ?? []), index]);
  }
  const unique = [...cited].filter(([, at]) => at.length === 1);
  const officialCount = Math.min(options.officialCases ?? 5, unique.length);
  for (let i = 0; i < officialCount; i += 1) {
    const [query, [index]] = unique[Math.floor((i * unique.length) / officialCount)]! as [string, number[]];
    const expected = documentId(files[index!]!.path);
    cases.push({ kind: 'official', query, expected }, { kind: 'official-marked', query: `《${query}》`, expected });
  }

  // Planted terms go into notices that are neither real-title nor official-title cases.
  const taken = new Set(cases.map((c) => c.expected));
  const hosts = generated.filter((index) => !taken.has(documentId(files[index]!.path)));
  PLANTED_TERMS.forEach(({ term, sentence }, i) => {
    const index = hosts[Math.floor(((i + 0.5) * hosts.length) / PLANTED_TERMS.length)]!;
    files[index] = {
      path: files[index]!.path,
      content: rewrite(files[index]!.content, null, (_, body) => `${body}${sentence}\n\n`),
    };
    cases.push({ kind: 'phrase', query: term, expected: documentId(files[index]!.path) });
  });
  return { files, cases };
}

/** The fixture file of regulations' excerpts (tests/fixtures/ranking/regulations.json). */
export interface FixtureTexts {
  source: string;
  texts: SourceText[];
}

/** The texts of the fixture file, for machines without the corpus (CI). */
export function fixtureTexts(json: unknown): SourceText[] {
  const texts = (json as Partial<FixtureTexts> | null)?.texts;
  const valid =
    Array.isArray(texts) &&
    texts.length > 0 &&
    texts.every(
      (text: Partial<SourceText>) =>
        typeof text.title === 'string' && Array.isArray(text.heads) && Array.isArray(text.paragraphs),
    );
  if (!valid) throw new Error('regulations.json: expected { source, texts: [{ title, heads, paragraphs }] }');
  return texts;
}
