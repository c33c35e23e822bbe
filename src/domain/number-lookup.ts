/**
 * One decree, several spellings: the lookup key under which every part of the site (citation
 * links, relations, duplicate-number check, search by number) finds a document by its number.
 *
 * The schema stores numbers as printed (src/domain/doc-number.ts, canonical brackets and spaces
 * only), and that is what readers see. But an order (令) names its organ in full or in short,
 * depending on who prints it: the decree page reads 中华人民共和国国务院令第706号, other documents
 * cite 国务院令第706号; a city gazette prints 淄博市人民政府令第102号, the city's own documents
 * cite 市政府令第102号. The key folds these together:
 *
 * - each issuing organ of an order loses the state prefix 中华人民共和国 (国务院, 中央军事委员会,
 *   国家工商行政管理局… are the organs of the People's Republic either way);
 * - 政府 after a place name is 人民政府 (淄博市政府 = 淄博市人民政府);
 * - a level alone (市政府, 市人民政府, 省政府, 自治区人民政府…) is the government the gazette belongs
 *   to when the gazette's name makes that unambiguous (淄博市人民政府公报: 市 is 淄博市; a
 *   province's gazette: 省 is that province). Any other level alone (省政府令 in a city's gazette,
 *   or any level without a gazette) stays as written: nothing says which government it is.
 *
 * Document numbers (发文字号) are keyed as printed: their 代字 are fixed abbreviations.
 */
import { parseDocNumber, type DocNumber } from './doc-number';

/** The government a gazette belongs to, when its name says so. */
export interface Locality {
  /** 淄博市, 山东省, 广西壮族自治区. */
  name: string;
  /** 市, 省, 自治区: the word its own documents use for it (市政府令). */
  level: string;
}

/** What the key depends on besides the number: the archive's gazette. */
export interface NumberLookupContext {
  locality?: Locality;
}

const STATE = '中华人民共和国';
/** Longest first: 自治区 before 区. */
const LEVELS = ['自治区', '自治州', '自治县', '省', '市', '州', '县', '区', '旗', '盟'];
const LEVEL = LEVELS.join('|');
const GAZETTE_NAME = new RegExp(`^(.+?(?:${LEVEL}))(?:人民)?政府公报$`, 'u');
const PLACE_GOVERNMENT = new RegExp(`^(.+(?:${LEVEL}))政府$`, 'u');

/** The government of a gazette named 淄博市人民政府公报 (淄博市, 市); none for 国务院公报. */
export function gazetteLocality(gazetteName: string | undefined): Locality | undefined {
  const match = gazetteName?.trim().match(GAZETTE_NAME);
  if (!match) return undefined;
  const name = match[1]!;
  return { name, level: LEVELS.find((level) => name.endsWith(level))! };
}

/** The lookup context of an archive whose gazette has this name. */
export function lookupContext(gazetteName: string | undefined): NumberLookupContext {
  return { locality: gazetteLocality(gazetteName) };
}

function organKey(organ: string, locality: Locality | undefined): string {
  let key = organ.startsWith(STATE) && organ.length - STATE.length >= 2 ? organ.slice(STATE.length) : organ;
  if (locality && (key === `${locality.level}政府` || key === `${locality.level}人民政府`))
    return `${locality.name}人民政府`;
  return key.replace(PLACE_GOVERNMENT, '$1人民政府');
}

/**
 * The key of an order's organ name, 令 included (中华人民共和国国务院令 → 国务院令, 市政府令 →
 * 淄博市人民政府令); anything else (a 代字) unchanged.
 */
export function prefixLookupKey(prefix: string, context: NumberLookupContext = {}): string {
  if (!prefix.endsWith('令')) return prefix;
  return `${prefix
    .slice(0, -1)
    .split('、')
    .map((organ) => organKey(organ, context.locality))
    .join('、')}令`;
}

/** The key of a parsed number: itself for a document number, its organs folded for an order. */
export function docNumberLookupKey(number: DocNumber, context: NumberLookupContext = {}): string {
  return number.kind === 'order' ? `${prefixLookupKey(number.prefix, context)}第${number.seq}号` : number.canonical;
}

/**
 * The key under which a number is looked up, from any accepted spelling; a text that is not a
 * number is its own key (trimmed), so that it still matches itself.
 */
export function numberLookupKey(number: string, context: NumberLookupContext = {}): string {
  const parsed = parseDocNumber(number);
  return parsed ? docNumberLookupKey(parsed, context) : number.trim();
}

/**
 * The archive's documents by the lookup key of their number: the one table behind citation
 * links, relations, short links and search by number. Documents without a number are left out.
 * The archive reader rejects two documents with one key; should a caller pass such a pair
 * anyway, the first (in the order given, the archive's) wins, as it does for relations.
 */
export function documentsByNumber<T extends { number?: string }>(
  documents: Iterable<T>,
  context: NumberLookupContext = {},
): Map<string, T> {
  const byNumber = new Map<string, T>();
  for (const document of documents) {
    if (!document.number?.trim()) continue;
    const key = numberLookupKey(document.number, context);
    if (!byNumber.has(key)) byNumber.set(key, document);
  }
  return byNumber;
}
