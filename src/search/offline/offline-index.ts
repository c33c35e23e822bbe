/**
 * The offline mirror's search index, built at mirror time from the same search records the
 * Pagefind integration plans its shards with (src/search/records.ts: the open data of the
 * build), so the two searches see the same texts, filters, dates and title weight.
 *
 * The index (terms from terms.ts) is written as classic scripts that assign to one
 * global, because a page opened from file:// can neither fetch() nor import modules, but can
 * always load <script src>. Terms are spread over shards by hash, so a query loads only the
 * shards of its own terms; each document's text is its own file, loaded only to cut the
 * excerpt of a result on screen.
 */
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { documentsByNumber, type NumberLookupContext } from '../../domain/number-lookup';
import { numberLookupTable, type NumberTable } from '../state';
import { recordPageFile, type SearchRecord } from '../records';
import { dataScript, searchDataKey, searchDataPath } from './files';
import { encodePostings, isCountedTerm, shardOf, termHash, textTerms, type Posting } from './terms';

/* ------------------------------------------------------------------------------ the index */

/** Term → its postings, encoded by terms.ts's encodePostings. */
export type Shard = Record<string, string>;

/** A document as the manifest lists it: its text is in a file of its own. */
export interface ManifestDocument extends Pick<SearchRecord, 'meta' | 'filters' | 'weights'> {
  /** Path of the page in the mirror, e.g. `2020/07/zzbz-2020-56/index.html`. */
  url: string;
  sort: Record<string, string>;
  /** Length of the text in code points (BM25's document length). */
  length: number;
}

export interface SearchManifest {
  version: 1;
  shardCount: number;
  averageLength: number;
  documents: ManifestDocument[];
  /** Document-number lookup (search-state.ts), URLs relative to the mirror's root. */
  numbers: NumberTable;
  /**
   * The gazette the numbers are keyed for (number-lookup.ts): the client keys a query with it,
   * so that 市政府令第103号 finds 淄博市人民政府令第103号 offline as it does online.
   */
  numberContext: NumberLookupContext;
}

export interface SearchIndex {
  manifest: SearchManifest;
  shards: Shard[];
  /** Text of each document, by document id. */
  texts: string[];
}

export interface SearchIndexOptions {
  /** Aimed-for size of one shard file; the shard count is the power of two that gets closest. */
  targetShardBytes?: number;
  /** The archive's gazette, for the number table's keys (lookupContext of its name). */
  numberContext?: NumberLookupContext;
}

export const DEFAULT_TARGET_SHARD_BYTES = 24 * 1024;
const MAX_SHARDS = 4096;
const utf8 = new TextEncoder();

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function weightAt(position: number, weights: readonly [number, number, number][]): number {
  for (const [start, end, weight] of weights) if (position >= start && position < end) return weight;
  return 1;
}

/** A record's postings: term → positions, or [weighted count] for a counted term. */
function documentTerms(record: Pick<SearchRecord, 'text' | 'weights'>): Map<string, number[]> {
  const values = new Map<string, number[]>();
  for (const { term, kind, position } of textTerms(record.text)) {
    if (!values.has(term)) values.set(term, kind === 'char' ? [0] : []);
    const list = values.get(term)!;
    if (kind === 'char') list[0]! += weightAt(position, record.weights);
    else list.push(position);
  }
  for (const [term, list] of values) if (isCountedTerm(term)) values.set(term, [Math.max(1, Math.round(list[0]!))]);
  return values;
}

/** What a term costs in its shard file: quoted key (3 bytes a Han character), colon, value, comma. */
function termBytes(term: string, encoded: string): number {
  return utf8.encode(term).length + encoded.length + 6;
}

function shardCountFor(totalBytes: number, options: SearchIndexOptions): number {
  const target = options.targetShardBytes ?? DEFAULT_TARGET_SHARD_BYTES;
  let shardCount = 1;
  while (shardCount < MAX_SHARDS && totalBytes / shardCount > target * 1.5) shardCount *= 2;
  return shardCount;
}

function indexedDocument(record: SearchRecord): ManifestDocument {
  const { meta, filters, sort, weights } = record;
  return { url: recordPageFile(record), meta, filters, sort, weights, length: Array.from(record.text).length };
}

function searchManifest(
  docs: readonly ManifestDocument[],
  shardCount: number,
  options: SearchIndexOptions,
): SearchManifest {
  const numberContext = options.numberContext ?? {};
  const numbers = numberLookupTable(
    documentsByNumber(
      docs.map((doc) => ({
        url: doc.url,
        title: doc.meta.title ?? '',
        number: doc.meta.number,
        date: doc.meta.date ?? doc.sort.date ?? '',
        issuers: doc.filters.issuer ?? (doc.meta.issuer ? [doc.meta.issuer] : []),
      })),
      numberContext,
    ),
    '/',
  );
  for (const entry of Object.values(numbers)) entry.url = entry.url.replace(/^\//u, '');
  return {
    version: 1,
    shardCount,
    averageLength: docs.length ? Math.round(docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length) : 0,
    documents: docs.map((doc) => ({
      url: doc.url,
      meta: doc.meta,
      filters: doc.filters,
      sort: doc.sort,
      length: doc.length,
      weights: doc.weights,
    })),
    numbers,
    numberContext,
  };
}

/** The whole index in memory, for small archives and tests; writeSearchIndex gives the same files. */
export function buildSearchIndex(records: readonly SearchRecord[], options: SearchIndexOptions = {}): SearchIndex {
  const sorted = records
    .map((record) => ({ record, doc: indexedDocument(record) }))
    .sort((a, b) => compare(a.doc.url, b.doc.url));
  const postings = new Map<string, Posting[]>();
  sorted.forEach(({ record }, id) => {
    for (const [term, values] of documentTerms(record)) {
      if (!postings.has(term)) postings.set(term, []);
      postings.get(term)!.push({ doc: id, values });
    }
  });

  const encoded = new Map([...postings].map(([term, list]) => [term, encodePostings(list, !isCountedTerm(term))]));
  const shardCount = shardCountFor(
    [...encoded].reduce((sum, [term, value]) => sum + termBytes(term, value), 0),
    options,
  );
  const shards: Shard[] = Array.from({ length: shardCount }, () => ({}));
  for (const term of [...encoded.keys()].sort(compare)) shards[shardOf(term, shardCount)]![term] = encoded.get(term)!;

  return {
    manifest: searchManifest(
      sorted.map(({ doc }) => doc),
      shardCount,
      options,
    ),
    shards,
    texts: sorted.map(({ record }) => record.text),
  };
}

/* ------------------------------------------------------------------ the index, in groups */

export interface WriteSearchIndexOptions extends SearchIndexOptions {
  /**
   * Terms are split by hash into this many groups (a power of two), and the postings of one
   * group at a time are held in memory; the rest wait in temporary files.
   */
  groups?: number;
  /** Where the temporary files go (a folder of their own is made and removed there). */
  tempDir?: string;
}

export const DEFAULT_TERM_GROUPS = 32;
/** Characters a group's spill buffer collects before it is appended to its file. */
const SPILL_BUFFER = 1 << 20;

async function* fileLines(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity }))
    if (line) yield line;
}

/**
 * Writes the same files as searchIndexFiles(buildSearchIndex(records)) without holding the
 * index in memory: what buildSearchIndex keeps for every term of every document at once (some
 * 2 GB at 10,000 documents) is here held for one group of terms at a time.
 *
 * 1. One pass over the records: each document's postings are appended, by the hash of their
 *    term, to one of `groups` temporary files (terms do not fit in memory, documents' ids are
 *    not known yet: they are the order of URLs).
 * 2. A second pass writes each document's text under its id.
 * 3. Group by group, the postings are read back, encoded and appended to a second file per
 *    group; their sizes add up to the index's size, which sets the shard count.
 * 4. A shard holds the terms whose hash ends in its number: with at least `groups` shards each
 *    shard's terms lie in one group, with fewer each shard's groups are known; either way the
 *    shards are written a group (or a shard) at a time.
 *
 * `records` is called once per pass and must give the same records in the same order.
 */
export async function writeSearchIndex(
  records: () => AsyncIterable<SearchRecord>,
  write: (path: string, content: string) => Promise<void>,
  options: WriteSearchIndexOptions = {},
): Promise<SearchManifest> {
  const groups = options.groups ?? DEFAULT_TERM_GROUPS;
  const temp = await mkdtemp(join(options.tempDir ?? tmpdir(), 'gazette-search-'));
  const spillFile = (group: number) => join(temp, `postings-${group}.txt`);
  const encodedFile = (group: number) => join(temp, `encoded-${group}.txt`);
  try {
    const docs: (ManifestDocument & { seq: number })[] = [];
    const buffers: string[][] = Array.from({ length: groups }, () => []);
    const buffered = new Array<number>(groups).fill(0);
    const flush = async (group: number) => {
      await appendFile(spillFile(group), buffers[group]!.join(''));
      buffers[group] = [];
      buffered[group] = 0;
    };
    for await (const record of records()) {
      const seq = docs.length;
      docs.push({ ...indexedDocument(record), seq });
      for (const [term, values] of documentTerms(record)) {
        const group = termHash(term) & (groups - 1);
        const line = `${term}\t${seq}\t${values.join(',')}\n`;
        buffers[group]!.push(line);
        buffered[group]! += line.length;
        if (buffered[group]! > SPILL_BUFFER) await flush(group);
      }
    }
    for (let group = 0; group < groups; group += 1) await flush(group);

    docs.sort((a, b) => compare(a.url, b.url));
    const idOf = new Array<number>(docs.length);
    docs.forEach((doc, id) => (idOf[doc.seq] = id));
    let seq = 0;
    for await (const record of records()) {
      const id = idOf[seq++]!;
      await write(searchDataPath.text(id), dataScript(searchDataKey.text(id), record.text));
    }

    let total = 0;
    for (let group = 0; group < groups; group += 1) {
      const postings = new Map<string, Posting[]>();
      for await (const line of fileLines(spillFile(group))) {
        const [term, docSeq, values] = line.split('\t') as [string, string, string];
        if (!postings.has(term)) postings.set(term, []);
        postings.get(term)!.push({ doc: idOf[Number(docSeq)]!, values: values.split(',').map(Number) });
      }
      await rm(spillFile(group));
      const lines: string[] = [];
      for (const [term, list] of postings) {
        const encoded = encodePostings(
          list.sort((a, b) => a.doc - b.doc),
          !isCountedTerm(term),
        );
        total += termBytes(term, encoded);
        lines.push(`${term}\t${encoded}\n`);
      }
      await appendFile(encodedFile(group), lines.join(''));
    }

    const shardCount = shardCountFor(total, options);
    const units = Math.min(groups, shardCount);
    for (let unit = 0; unit < units; unit += 1) {
      const terms = new Map<number, [string, string][]>();
      for (let group = unit; group < groups; group += units) {
        for await (const line of fileLines(encodedFile(group))) {
          const tab = line.indexOf('\t');
          const term = line.slice(0, tab);
          const shard = shardOf(term, shardCount);
          if (!terms.has(shard)) terms.set(shard, []);
          terms.get(shard)!.push([term, line.slice(tab + 1)]);
        }
      }
      for (let shard = unit; shard < shardCount; shard += units) {
        const entries = (terms.get(shard) ?? []).sort(([a], [b]) => compare(a, b));
        await write(searchDataPath.shard(shard), dataScript(searchDataKey.shard(shard), Object.fromEntries(entries)));
      }
    }

    const manifest = searchManifest(docs, shardCount, options);
    await write(searchDataPath.manifest, dataScript(searchDataKey.manifest, manifest));
    return manifest;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/* -------------------------------------------------------------------------- serialisation */

/** The index as files: path below the search folder → content. In path order. */
export function searchIndexFiles(index: SearchIndex): Map<string, string> {
  const files = new Map<string, string>();
  files.set(searchDataPath.manifest, dataScript(searchDataKey.manifest, index.manifest));
  index.shards.forEach((shard, n) => files.set(searchDataPath.shard(n), dataScript(searchDataKey.shard(n), shard)));
  index.texts.forEach((text, id) => files.set(searchDataPath.text(id), dataScript(searchDataKey.text(id), text)));
  return new Map([...files].sort(([a], [b]) => compare(a, b)));
}
