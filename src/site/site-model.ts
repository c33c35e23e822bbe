/**
 * The archive as the site presents it: permalinks, years, issues with their printed table of
 * contents, previous/next links and the indexes by issuer, type and number. Pure: pages get
 * this from src/site/page-data.ts and only render it.
 *
 * Permalinks (relative to the site base; stable as long as year, issue and slug are):
 *   <year>/                      a year's issues            2020/
 *   <year>/<issue>/              an issue and its TOC       2020/07/
 *   <year>/<issue>/<slug>/       a document                 2020/07/zzbz-2020-54/
 *   n/<number key>/              short link by 文号          n/淄政办字-2020-54/
 */
import type { ArchiveDocument, ArchiveGazette, ArchiveIssue } from '../content/archive';
import { compareIssues } from '../domain/issue-order';
import { compareDocNumbers, docNumberKey, parseDocNumber } from '../domain/doc-number';
import { formatChineseDate } from '../domain/dates';
import { officialTitle } from '../domain/official-title';
import { documentsByNumber, lookupContext, numberLookupKey, type NumberLookupContext } from '../domain/number-lookup';
import { computeRelations, type DocumentRelations } from '../domain/relations';
import { uniqueSlugs } from '../domain/pinyin-slug';

export type DocumentData = Omit<ArchiveDocument, 'body'> & {
  /** Numbers cited in the body, as the citation plugin found them while rendering it. */
  citations?: string[];
  /** The rendered body's name in the body store (src/content/body-store.ts). */
  bodyHash?: string;
};
/** What the issues collection stores: an issue as read, its documents by id (the data store is flat). */
export type IssueData = Omit<ArchiveIssue, 'documents'> & { documentIds: string[] };

/**
 * The archive as read (src/content/archive.ts: issues oldest first, each with its documents
 * in printed order), each document as the content loader stored it.
 */
export interface StoredArchive {
  gazette: ArchiveGazette;
  issues: (Omit<ArchiveIssue, 'documents'> & { documents: DocumentData[] })[];
}

export interface SiteDocument extends DocumentData {
  url: string;
  /** Short link by document number, when the document has one. */
  shortUrl?: string;
  /**
   * Short links by the number's lookup key (src/domain/number-lookup.ts) when it is spelt otherwise
   * than printed: n/国务院令-713/ for 中华人民共和国国务院令第713号.
   */
  shortUrlAliases: string[];
  issue: SiteIssue;
  prev?: SiteDocument;
  next?: SiteDocument;
  /** 废止, 修改, 依据, 转发 and citations, both ways (src/domain/relations.ts). */
  relations: DocumentRelations<SiteDocument>;
}

export interface SiteSection {
  /** Null for an issue not divided into sections: its one list, in printed (page) order. */
  name: string | null;
  documents: SiteDocument[];
}

export interface SiteIssue extends Omit<IssueData, 'sections' | 'documentIds'> {
  /** Section names in printed order, as declared. */
  sectionNames: string[];
  url: string;
  /** 2020年第7期 */
  label: string;
  documents: SiteDocument[];
  sections: SiteSection[];
  /** Latest document date: issues without a publication date are dated by their contents. */
  latestDate: string;
  prev?: SiteIssue;
  next?: SiteIssue;
}

export interface SiteYear {
  year: number;
  url: string;
  /** Oldest first, as a printed volume runs. */
  issues: SiteIssue[];
  documentCount: number;
}

export interface IndexGroup {
  name: string;
  /** Fragment id on the index page. */
  anchor: string;
  /** ASCII name for files about the group (src/domain/pinyin-slug.ts): zi-bo-shi-ren-min-zheng-fu. */
  slug: string;
  /** The group's Atom feed: feeds/issuer/<slug>.xml, feeds/type/<slug>.xml. */
  feedUrl: string;
  /** Newest first. */
  documents: SiteDocument[];
}

export interface SiteModel {
  gazette: ArchiveGazette;
  /** Newest first. */
  years: SiteYear[];
  /** Newest first. */
  issues: SiteIssue[];
  latestIssue?: SiteIssue;
  /** Archive order: issue by issue, in printed order. */
  documents: SiteDocument[];
  byIssuer: IndexGroup[];
  byType: IndexGroup[];
  /** Documents with a number (byNumber's), sorted by number. */
  numbered: SiteDocument[];
  /**
   * Documents by their number's lookup key (src/domain/number-lookup.ts): the one number table of
   * the site, behind relations, search by number and the mirror's number lookup.
   */
  byNumber: ReadonlyMap<string, SiteDocument>;
}

export function issueLabel(issue: { year: number; number: number }): string {
  return `${issue.year}年第${issue.number}期`;
}

/** A document's permalink below the site base. */
export function documentPath(id: string): string {
  return `${id}/`;
}

export function shortLinkKey(number: string): string | undefined {
  const parsed = parseDocNumber(number);
  return parsed ? docNumberKey(parsed) : undefined;
}

/** The short link by lookup key, when it differs from the printed number's. */
function shortLinkAliases(number: string, context: NumberLookupContext): string[] {
  const alias = shortLinkKey(numberLookupKey(number, context));
  return alias && alias !== shortLinkKey(number) ? [`n/${alias}/`] : [];
}

function newestFirst(a: SiteDocument, b: SiteDocument): number {
  return b.date.localeCompare(a.date) || b.issue.id.localeCompare(a.issue.id) || a.tocIndex - b.tocIndex;
}

function groupBy(
  documents: SiteDocument[],
  keys: (document: SiteDocument) => string[],
  anchorPrefix: string,
): IndexGroup[] {
  const groups = new Map<string, SiteDocument[]>();
  for (const document of documents) {
    for (const key of keys(document)) groups.set(key, [...(groups.get(key) ?? []), document]);
  }
  const slugs = uniqueSlugs(groups.keys());
  return [...groups]
    .sort(([a, listA], [b, listB]) => listB.length - listA.length || a.localeCompare(b, 'zh-Hans-CN'))
    .map(([name, list], index) => ({
      name,
      anchor: `${anchorPrefix}-${index + 1}`,
      slug: slugs.get(name)!,
      feedUrl: `feeds/${anchorPrefix}/${slugs.get(name)}.xml`,
      documents: list.sort(newestFirst),
    }));
}

/**
 * The archive as read, put back together from the content collections (one entry per gazette,
 * issue and document). The data store keeps no order, so the issues take the reader's.
 */
export function storedArchive({
  gazette,
  issues,
  documents,
}: {
  gazette: ArchiveGazette;
  issues: readonly IssueData[];
  documents: readonly DocumentData[];
}): StoredArchive {
  const documentsById = new Map(documents.map((document) => [document.id, document]));
  return {
    gazette,
    issues: [...issues].sort(compareIssues).map(({ documentIds, ...issue }) => ({
      ...issue,
      documents: documentIds.map((id) => {
        const document = documentsById.get(id);
        if (!document) throw new Error(`Issue ${issue.id} lists ${id}, which is not in the archive`);
        return document;
      }),
    })),
  };
}

export function buildSiteModel(archive: StoredArchive): SiteModel {
  const issues: SiteIssue[] = archive.issues.map(({ sections, documents: _documents, ...issue }) => ({
    ...issue,
    sectionNames: sections,
    url: `${issue.id}/`,
    label: issueLabel(issue),
    documents: [],
    sections: [],
    latestDate: '',
  }));
  const context = lookupContext(archive.gazette.name);
  const documents: SiteDocument[] = [];
  archive.issues.forEach(({ documents: read }, index) => {
    const issue = issues[index]!;
    for (const data of read) {
      const key = data.number ? shortLinkKey(data.number) : undefined;
      const document: SiteDocument = {
        ...data,
        url: documentPath(data.id),
        shortUrl: key ? `n/${key}/` : undefined,
        shortUrlAliases: data.number ? shortLinkAliases(data.number, context) : [],
        issue,
        // Filled in below, once every document exists to be linked to.
        relations: undefined!,
      };
      issue.documents.push(document);
      documents.push(document);
    }
  });
  for (const issue of issues) {
    issue.sections =
      issue.sectionNames.length === 0
        ? [{ name: null, documents: issue.documents }]
        : issue.sectionNames
            .map((name) => ({ name, documents: issue.documents.filter((document) => document.section === name) }))
            .filter((section) => section.documents.length > 0);
    issue.latestDate =
      issue.published ?? issue.documents.reduce((latest, d) => (d.date > latest ? d.date : latest), '');
    issue.documents.forEach((document, index) => {
      document.prev = issue.documents[index - 1];
      document.next = issue.documents[index + 1];
    });
  }
  const byNumber = documentsByNumber(documents, context);
  const relations = computeRelations(documents, context, byNumber);
  for (const document of documents) document.relations = relations.get(document.id)!;
  issues.forEach((issue, index) => {
    issue.prev = issues[index - 1];
    issue.next = issues[index + 1];
  });

  const years = [...new Set(issues.map((issue) => issue.year))]
    .sort((a, b) => b - a)
    .map((year) => {
      const yearIssues = issues.filter((issue) => issue.year === year);
      return {
        year,
        url: `${year}/`,
        issues: yearIssues,
        documentCount: yearIssues.reduce((count, issue) => count + issue.documents.length, 0),
      };
    });

  const numbered = [...byNumber.values()].sort((a, b) =>
    compareDocNumbers(parseDocNumber(a.number!)!, parseDocNumber(b.number!)!),
  );

  return {
    gazette: archive.gazette,
    years,
    issues: [...issues].reverse(),
    latestIssue: issues.at(-1),
    documents,
    byIssuer: groupBy(documents, (document) => document.issuers, 'issuer'),
    byType: groupBy(documents, (document) => [document.type], 'type'),
    numbered,
    byNumber,
  };
}

/** 关于…的通知 as the full formal title: 淄博市人民政府办公室关于…的通知. */
export function formalTitle(document: Pick<DocumentData, 'title' | 'issuers'>): string {
  return document.title.startsWith('关于') ? `${document.issuers.join('　')}${document.title}` : document.title;
}

/**
 * How a document is cited in running text: its official title and number, as the copy button
 * of a document page gives it (淄博市人民政府办公室关于…的通知（淄政办字〔2020〕54号）).
 */
export function shortCitation(document: Pick<DocumentData, 'title' | 'issuers' | 'number'>): string {
  return `${officialTitle(document)}${document.number ? `（${document.number}）` : ''}`;
}

/** What the citation and the description say of a document. */
type CitedDocument = Pick<SiteDocument, 'issuers' | 'title' | 'number' | 'date' | 'page' | 'type'> & {
  issue: { label: string };
};

/** 推荐引用: who, what, which number, when and where printed; the page appends the permalink. */
export function citation(document: CitedDocument, gazetteName: string): string {
  const number = document.number ? `（${document.number}）` : '';
  return `${document.issuers.join('、')}：《${document.title}》${number}，${formatChineseDate(document.date)}，载《${gazetteName}》${document.issue.label}第${document.page}页，`;
}

/** A one-sentence description for meta tags and feeds. */
export function describeDocument(document: CitedDocument, gazetteName: string): string {
  const number = document.number ? `（${document.number}）` : '';
  return `${document.issuers.join('、')}${formatChineseDate(document.date)}发布的${document.type}《${document.title}》${number}，刊载于《${gazetteName}》${document.issue.label}第${document.page}页。`;
}
