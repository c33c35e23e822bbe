/**
 * Reads and validates a whole archive from `content/`: the gazette, its issues and their
 * documents. The build, `npm run check` and the importer's self-check all go through here,
 * so every rule about content lives in one place. Every problem is collected (not just the
 * first) with its file, line and field.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import {
  DOCUMENT_SLUG,
  documentSchema,
  GAZETTE_FILE,
  GAZETTE_ID,
  gazetteSchema,
  ISSUE_FILE,
  ISSUE_FOLDER,
  issueFolderName,
  issueSchema,
  YEAR_FOLDER,
  type DocumentFrontmatter,
  type Gazette,
  type Issue,
} from './schema';
import { parseDocNumber } from '../domain/doc-number';
import { compareIssues } from '../domain/issue-order';
import { lookupContext, numberLookupKey, type NumberLookupContext } from '../domain/number-lookup';
import { checkCitations } from './citations';
import { compareProblems, displayPath, type ContentProblem } from './errors';
import { markdownProblems, type MarkdownProblem } from './markdown-check';
import { findPlaceholders, placeholderMessage, placeholdersInValue } from './placeholders';
import { decodeContentFile, sizeProblem, splitFrontmatter } from './source-text';
import { parseYaml, placeInText, positionAt, YamlSyntaxError, type ParsedYaml, type SourcePosition, type TextOrigin } from './yaml-source';

export interface ArchiveGazette extends Gazette {
  /** Folder name under content/. */
  id: string;
  file: string;
  /** Where the 简介 is written in gazette.yaml, for the build's problems in it (aboutProblem). */
  aboutOrigin?: TextOrigin;
}

/**
 * A problem found in the 简介's text, placed in gazette.yaml so that check and the build print
 * the same `gazette.yaml:line:column: about: …`: at its own line and column when the text is a
 * literal block (`about: |`), else at the key, with its place in the text in the message.
 */
export function aboutProblem(origin: TextOrigin, { line, column = 1, message }: { line?: number; column?: number; message: string }): SourcePosition & { message: string } {
  if (!line) return { ...origin.key, message };
  const place = placeInText(origin, line, column);
  return place ? { ...place, message } : { ...origin.key, message: `line ${line}, column ${column} of the text: ${message}` };
}

export interface ArchiveDocument extends DocumentFrontmatter {
  /** `<year>/<issue folder>/<slug>`: unique, and the document's path below the site base. */
  id: string;
  slug: string;
  file: string;
  /** Markdown body, and the file line it starts on (for problems found while rendering). */
  body: string;
  bodyLine: number;
  year: number;
  issueNumber: number;
  issueId: string;
  /** Position in the issue's table of contents (0-based). */
  tocIndex: number;
}

export interface ArchiveIssue extends Issue {
  /** `<year>/<issue folder>` */
  id: string;
  file: string;
  /** Documents in printed order: by section (when the issue has sections), then page. */
  documents: ArchiveDocument[];
}

export interface Archive {
  gazette: ArchiveGazette;
  /** Oldest first. */
  issues: ArchiveIssue[];
  /** In archive order: issue by issue, each in printed order. */
  documents: ArchiveDocument[];
}

/**
 * `problems` are errors: any of them and there is no archive. `warnings` never stop a build;
 * they are reported by `npm run check` and logged by the build.
 */
export type ArchiveResult = (
  | { archive: Archive; problems: []; warnings: ContentProblem[] }
  | { archive: null; problems: ContentProblem[]; warnings: ContentProblem[] }
) & {
  /** Every content file read (paths as displayed in problems), valid or not. */
  files: string[];
};

export interface ReadArchiveOptions {
  /** Problems name files relative to this folder when inside it (else absolutely); default projectRoot. */
  cwd?: string;
  /**
   * Also run every body and the 简介 through the Markdown parse and remark plugins of the build
   * (markdown-check.ts), as `npm run check` does; the build checks each body as it renders it.
   * A function given here stands in for markdownProblems (a cache of its verdicts).
   */
  markdown?: boolean | ((text: string) => MarkdownProblem[]);
  /** Folders besides the content folder that its symbolic links may lead into. */
  linkRoots?: string[];
}

type At = { line?: number; column?: number; field?: string };

const HIDDEN_ENTRY = /^\./;
const DOCUMENT_FILE = /\.md$/;
const ISSUE_ATTACHMENT = /\.pdf$/i;

class ProblemList {
  readonly problems: ContentProblem[] = [];
  readonly warnings: ContentProblem[] = [];
  readonly files: string[] = [];
  constructor(
    private readonly root: string,
    private readonly cwd: string,
    /** Real paths that symbolic links may lead into. */
    readonly linkRoots: string[],
    /** markdownProblems or a stand-in; null when bodies are not parsed. */
    readonly markdown: ((text: string) => MarkdownProblem[]) | null,
  ) {}

  /** The path an archive records (edit links, ids): relative to the project root. */
  path(absolute: string): string {
    return relative(this.root, absolute).split(sep).join('/');
  }

  /** The path a problem names: openable from where the command ran. */
  display(absolute: string): string {
    return displayPath(absolute, this.cwd);
  }

  private problem(file: string, message: string, at: At): ContentProblem {
    return { file: this.display(file), line: at.line ?? 0, column: at.column ?? 0, field: at.field ?? '', message };
  }

  add(file: string, message: string, at: At = {}): void {
    this.problems.push(this.problem(file, message, at));
  }

  warn(file: string, message: string, at: At = {}): void {
    this.warnings.push({ ...this.problem(file, message, at), severity: 'warning' });
  }
}

interface Entry {
  name: string;
  isDirectory: boolean;
}

type Kind = { kind: 'directory' | 'file'; size: number } | { problem: string };

/**
 * What a path is, judged before anything reads it: a symbolic link must stay inside the
 * content folder, and only folders and regular files are content (a link to /dev/zero or a
 * FIFO would make every read hang).
 */
function inspect(path: string, problems: ProblemList, dirent?: Dirent): Kind {
  if (dirent && !dirent.isSymbolicLink()) {
    if (dirent.isDirectory()) return { kind: 'directory', size: 0 };
    if (!dirent.isFile()) return { problem: NOT_REGULAR };
  }
  // Throws ENOENT for a path that does not exist, as reading it would.
  const link = lstatSync(path);
  let stats = link;
  try {
    if (link.isSymbolicLink()) {
      const target = realpathSync(path);
      const inside = problems.linkRoots.some((root) => target === root || target.startsWith(`${root}${sep}`));
      if (!inside) return { problem: `symbolic link to ${target}, outside the content folder; copy the file into the content folder instead` };
      stats = statSync(target);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP') return { problem: 'symbolic link to nothing (its target is missing, or links loop); fix or delete the link' };
    throw error;
  }
  if (stats.isDirectory()) return { kind: 'directory', size: 0 };
  if (!stats.isFile()) return { problem: NOT_REGULAR };
  return { kind: 'file', size: stats.size };
}

const NOT_REGULAR = 'not a regular file (a device, FIFO or socket); content is folders and regular files only';

/** `read()`, or null with a problem when the file system refuses it (permissions). */
function unreadable<T>(path: string, problems: ProblemList, read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    problems.add(path, `cannot be read (${code}: permission denied); give the user running the build read access`);
    return null;
  }
}

/**
 * A folder's entries in name order; one readdir, a stat only for links. Hidden entries (.draft.md,
 * .DS_Store) are never read: each is reported, so that nobody expects a hidden file to be published.
 */
function listEntries(dir: string, problems: ProblemList): Entry[] {
  const entries: Entry[] = [];
  const dirents = unreadable(dir, problems, () => readdirSync(dir, { withFileTypes: true }));
  for (const entry of dirents ?? []) {
    const path = join(dir, entry.name);
    if (HIDDEN_ENTRY.test(entry.name)) {
      problems.warn(path, 'hidden (the name starts with a dot), so it is neither checked nor published; rename it to publish it, or keep drafts outside the content folder');
      continue;
    }
    const found = inspect(path, problems, entry);
    if ('problem' in found) problems.add(path, found.problem);
    else entries.push({ name: entry.name, isDirectory: found.kind === 'directory' });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readText(file: string, problems: ProblemList): string | null {
  const found = inspect(file, problems);
  if ('problem' in found) {
    problems.add(file, found.problem);
    return null;
  }
  problems.files.push(problems.display(file));
  // The size is judged before reading: nothing larger than the limit is ever loaded.
  const tooLarge = sizeProblem(found.size);
  if (tooLarge) {
    problems.add(file, tooLarge);
    return null;
  }
  const bytes = unreadable(file, problems, () => readFileSync(file));
  if (!bytes) return null;
  const decoded = decodeContentFile(bytes);
  if (!decoded.ok) {
    problems.add(file, decoded.message, decoded);
    return null;
  }
  return decoded.text;
}

function parseYamlReporting(
  file: string,
  yaml: string,
  lineOffset: number,
  problems: ProblemList,
): ParsedYaml | null {
  try {
    return parseYaml(yaml, lineOffset);
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      problems.add(file, `invalid YAML: ${error.reason}; check the quotes, brackets and indentation on this line and the one before`, error.position);
      return null;
    }
    throw error;
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), value);
}

/** Validates a parsed YAML value against a schema, turning issues into located problems. */
function validate<Schema extends z.ZodType>(
  schema: Schema,
  file: string,
  parsed: ParsedYaml,
  problems: ProblemList,
): z.output<Schema> | null {
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    problems.add(file, 'expected a YAML mapping of fields (key: value lines)', parsed.locate([]));
    return null;
  }
  for (const { path, found } of placeholdersInValue(parsed.value)) {
    problems.add(file, placeholderMessage(found), { ...parsed.locate(path), field: path.join('.') });
  }
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.add(file, `unknown field; check its spelling (allowed fields are listed in README)`, {
          ...parsed.locate([...issue.path, key]),
          field: [...issue.path, key].join('.'),
        });
      }
      continue;
    }
    const field = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && valueAt(parsed.value, issue.path) === undefined;
    problems.add(file, missing ? `missing; ${issue.message}` : issue.message, { ...parsed.locate(issue.path), field });
  }
  return null;
}

function readYamlFile<Schema extends z.ZodType>(
  schema: Schema,
  file: string,
  problems: ProblemList,
): { data: z.output<Schema>; parsed: ParsedYaml } | null {
  const text = readText(file, problems);
  if (text === null) return null;
  const parsed = parseYamlReporting(file, text, 0, problems);
  if (!parsed) return null;
  const data = validate(schema, file, parsed, problems);
  return data === null ? null : { data, parsed };
}

interface PendingDocument {
  file: string;
  slug: string;
  frontmatter: DocumentFrontmatter;
  parsed: ParsedYaml;
  body: string;
  bodyLine: number;
}

/**
 * An HTML tag or comment. A title is text, escaped wherever it goes (pages, feeds, data files),
 * so markup in it is harmless but never what the gazette printed: check says so.
 */
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/iu;

function readDocument(file: string, slug: string, problems: ProblemList): PendingDocument | null {
  const text = readText(file, problems);
  if (text === null) return null;
  const parts = splitFrontmatter(text);
  if (!parts) {
    problems.add(file, 'no frontmatter: the file must start with a line `---`, the YAML fields, and another `---`', {
      line: 1,
      column: 1,
    });
    return null;
  }
  const parsed = parseYamlReporting(file, parts.yaml, parts.yamlLineOffset, problems);
  if (!parsed) return null;
  const frontmatter = validate(documentSchema, file, parsed, problems);
  if (!frontmatter) return null;
  const markup = MARKUP.exec(frontmatter.title);
  if (markup) {
    problems.warn(file, `"${markup[0]}" looks like HTML, but a title is plain text: readers see it exactly as written; write the title as printed`, {
      ...parsed.locate(['title']),
      field: 'title',
    });
  }
  const year = Number(frontmatter.date.slice(0, 4));
  frontmatter.repeals.forEach((number, index) => {
    const repealedYear = parseDocNumber(number)?.year;
    if (repealedYear !== undefined && repealedYear > year) {
      problems.add(file, `${number} is from ${repealedYear}, after this document's date (${frontmatter.date}); a document can only repeal earlier ones`, {
        ...parsed.locate(['repeals', index]),
        field: `repeals.${index}`,
      });
    }
  });
  if (parts.body.trim() === '') {
    problems.add(file, 'the document has no body text below its frontmatter', { line: parts.bodyLine, column: 1 });
  }
  checkBody(file, parts.body, parts.bodyLine, frontmatter, problems);
  if (problems.markdown) {
    for (const { line, column, message, severity } of problems.markdown(parts.body)) {
      const at = { line: parts.bodyLine + line - 1, column, field: 'body' };
      if (severity) problems.warn(file, message, at);
      else problems.add(file, message, at);
    }
  }
  return { file, slug, frontmatter, parsed, body: parts.body, bodyLine: parts.bodyLine };
}

/** Placeholders (errors) and doubtful citations (warnings) in a document's body. */
function checkBody(file: string, body: string, bodyLine: number, frontmatter: DocumentFrontmatter, problems: ProblemList) {
  const at = (index: number) => ({ ...positionAt(body, index, bodyLine - 1), field: 'body' });
  for (const found of findPlaceholders(body)) problems.add(file, placeholderMessage(found), at(found.index));
  for (const warning of checkCitations(body, Number(frontmatter.date.slice(0, 4)))) {
    problems.warn(file, warning.message, at(warning.index));
  }
}

function readIssue(
  dir: string,
  yearFolder: string,
  issueFolder: string,
  problems: ProblemList,
  locators: Locators,
  issueLocators: Locators,
): ArchiveIssue | null {
  const issueFile = join(dir, ISSUE_FILE);
  const entries = listEntries(dir, problems);
  const names = entries.map((entry) => entry.name);
  if (!names.includes(ISSUE_FILE)) {
    problems.add(dir, `an issue folder needs an ${ISSUE_FILE} (year, number, and its sections if it has any)`);
    return null;
  }
  const issue = readYamlFile(issueSchema, issueFile, problems);
  const pending: PendingDocument[] = [];
  for (const { name, isDirectory } of entries) {
    const path = join(dir, name);
    if (name === ISSUE_FILE || ISSUE_ATTACHMENT.test(name)) continue;
    if (isDirectory || !DOCUMENT_FILE.test(name)) {
      problems.add(path, 'unexpected entry in an issue folder: only issue.yaml, <slug>.md documents and PDF files belong here');
      continue;
    }
    const slug = name.replace(DOCUMENT_FILE, '');
    if (!DOCUMENT_SLUG.test(slug)) {
      problems.add(path, `file name "${name}" is not a valid slug: use lower-case ASCII letters, digits and hyphens, e.g. zzbz-2020-54.md`);
      continue;
    }
    const document = readDocument(path, slug, problems);
    if (document) {
      pending.push(document);
      locators.set(problems.path(path), { absolute: path, locate: document.parsed.locate });
    }
  }
  if (!issue) return null;
  const { data, parsed } = issue;
  if (String(data.year) !== yearFolder) {
    problems.add(issueFile, `the issue is in folder ${yearFolder}/ but says year ${data.year}; move it or fix the year`, {
      ...parsed.locate(['year']),
      field: 'year',
    });
  }
  if (issueFolderName(data.number) !== issueFolder) {
    problems.add(
      issueFile,
      `the issue is in folder ${yearFolder}/${issueFolder}/ but says number ${data.number}; its folder must be ${yearFolder}/${issueFolderName(data.number)}/`,
      { ...parsed.locate(['number']), field: 'number' },
    );
  }
  if (data.published) {
    const publishedYear = Number(data.published.slice(0, 4));
    if (publishedYear < data.year || publishedYear > data.year + 1) {
      problems.add(issueFile, `published ${data.published}, implausible for an issue of ${data.year}; check the year`, {
        ...parsed.locate(['published']),
        field: 'published',
      });
    }
  }
  if (data.pdf && !/^https?:/.test(data.pdf) && !names.includes(data.pdf)) {
    problems.add(issueFile, `the PDF "${data.pdf}" is not in the issue folder`, { ...parsed.locate(['pdf']), field: 'pdf' });
  } else if (data.pdf && !/^https?:/.test(data.pdf) && !data.pdf.endsWith('.pdf')) {
    // The site serves it as <name>.pdf ([pdf].pdf.ts): the link must match.
    problems.add(issueFile, `rename the PDF to end in lower-case ".pdf" (the site serves it under that name)`, { ...parsed.locate(['pdf']), field: 'pdf' });
  }
  if (!entries.some(({ name, isDirectory }) => !isDirectory && DOCUMENT_FILE.test(name))) {
    problems.add(issueFile, 'the issue has no documents; add them (npm run import, npm run new) or remove the issue folder');
  }
  const id = `${yearFolder}/${issueFolder}`;
  const documents = checkIssueDocuments(data, issueFile, id, pending, problems);
  const used = new Set(pending.map((document) => document.frontmatter.section));
  data.sections.forEach((section, index) => {
    if (pending.length > 0 && !used.has(section)) {
      problems.warn(issueFile, `no document is in section "${section}"; add its documents or remove the section`, {
        ...parsed.locate(['sections', index]),
        field: `sections.${index}`,
      });
    }
  });
  issueLocators.set(id, { absolute: issueFile, locate: parsed.locate });
  return { ...data, id, file: problems.path(issueFile), documents };
}

/**
 * A document cannot be written after the issue that prints it: that date is an error. Any
 * earlier date is possible, because gazettes reprint older documents (a regulation of 1994
 * republished after an amendment), so a date years before the issue is only a warning, in
 * case the year is a typo.
 */
function documentDateProblem(date: string, issue: Issue): { error: boolean; message: string } | undefined {
  const year = Number(date.slice(0, 4));
  if (issue.published && date > issue.published) {
    return { error: true, message: `dated ${date}, after the issue was published (${issue.published}); fix the date, or the issue's published date` };
  }
  if (!issue.published && year > issue.year) {
    return {
      error: true,
      message: `dated ${date}, after the end of ${issue.year}, the issue's year; fix the date, or add the issue's published date if it came out in ${year}`,
    };
  }
  if (year < issue.year - 2) {
    return { error: false, message: `dated ${date}, in an issue of ${issue.year}; fine for a reprinted older document, otherwise fix the year` };
  }
  return undefined;
}

function checkIssueDocuments(
  issue: Issue,
  issueFile: string,
  issueId: string,
  pending: PendingDocument[],
  problems: ProblemList,
): ArchiveDocument[] {
  const sectionOrder = new Map(issue.sections.map((name, index) => [name, index]));
  for (const { file, frontmatter, parsed } of pending) {
    const at = (field: string) => ({ ...parsed.locate([field]), field });
    if (frontmatter.section === undefined) {
      if (issue.sections.length > 0) {
        problems.add(file, `missing; the issue is divided into sections: add a line "section: <栏目>", one of: ${issue.sections.join('、')}`, at('section'));
      }
    } else if (issue.sections.length === 0) {
      problems.add(
        file,
        `the issue declares no sections (${problems.display(issueFile)} has no sections list); remove this line, or list the issue's sections there`,
        at('section'),
      );
    } else if (!sectionOrder.has(frontmatter.section)) {
      problems.add(
        file,
        `section "${frontmatter.section}" is not declared in ${problems.display(issueFile)}; use one of: ${issue.sections.join('、')}`,
        at('section'),
      );
    }
    const dateProblem = documentDateProblem(frontmatter.date, issue);
    if (dateProblem?.error) problems.add(file, dateProblem.message, at('date'));
    else if (dateProblem) problems.warn(file, dateProblem.message, at('date'));
  }
  // Without sections every rank is 0: the TOC is in page order.
  const rank = ({ frontmatter }: PendingDocument) => (frontmatter.section === undefined ? 0 : (sectionOrder.get(frontmatter.section) ?? Infinity));
  const ordered = [...pending].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.frontmatter.page - b.frontmatter.page ||
      (a.slug < b.slug ? -1 : 1),
  );
  // The printed TOC runs in page order; a section whose pages come before the previous
  // section's means a wrong page number or a wrong section.
  ordered.forEach((document, index) => {
    const previous = ordered[index - 1];
    if (previous && document.frontmatter.page < previous.frontmatter.page) {
      problems.add(
        document.file,
        `page ${document.frontmatter.page} comes before page ${previous.frontmatter.page} of ${problems.display(previous.file)}, which precedes it in the table of contents (${issue.sections.length > 0 ? 'section order, then page' : 'page order'}); check the page${issue.sections.length > 0 ? ' or the section' : ''}`,
        { ...document.parsed.locate(['page']), field: 'page' },
      );
    }
  });
  return ordered.map((document, tocIndex) => ({
    ...document.frontmatter,
    id: `${issueId}/${document.slug}`,
    slug: document.slug,
    file: problems.path(document.file),
    body: document.body,
    bodyLine: document.bodyLine,
    year: issue.year,
    issueNumber: issue.number,
    issueId,
    tocIndex,
  }));
}

function checkArchiveWide(documents: ArchiveDocument[], context: NumberLookupContext, locators: Locators, problems: ProblemList) {
  const byNumber = new Map<string, ArchiveDocument>();
  const bySlug = new Map<string, ArchiveDocument>();
  for (const document of documents) {
    const where = locators.get(document.file)!;
    if (document.number) {
      // Compared by lookup key: 国务院令第706号 and 中华人民共和国国务院令第706号 are one number.
      const key = numberLookupKey(document.number, context);
      const first = byNumber.get(key);
      if (first) {
        const same = first.number === document.number ? '' : ` (${first.number})`;
        const other = problems.display(locators.get(first.file)!.absolute);
        problems.add(where.absolute, `${document.number} is also the number of ${other}${same}; two documents cannot share a number`, {
          ...where.locate(['number']),
          field: 'number',
        });
      } else byNumber.set(key, document);
    }
    const sameSlug = bySlug.get(document.slug);
    if (sameSlug) {
      problems.add(where.absolute, `the slug "${document.slug}" is also used by ${problems.display(locators.get(sameSlug.file)!.absolute)}; slugs must be unique in the archive`);
    } else bySlug.set(document.slug, document);
  }
}

/** Where each file's fields are written: documents by project-relative path, issues by id. */
type Locators = Map<string, { absolute: string; locate: ParsedYaml['locate'] }>;

/**
 * Rules between issues: none before the gazette was founded, and cumulative numbers (总第N期)
 * that run with the issue numbers. Issues may be missing from an archive, so within a year the
 * gap in cumulative numbers must equal the gap in issue numbers, and across years they must
 * only grow.
 */
function checkIssueSequence(gazette: Gazette | undefined, issues: ArchiveIssue[], locators: Locators, problems: ProblemList) {
  const founded = gazette?.founded ? Number(gazette.founded.slice(0, 4)) : undefined;
  // An issue in the wrong folder is already reported; comparing it would only repeat that.
  const placed = issues.filter((issue) => issue.id === `${issue.year}/${issueFolderName(issue.number)}`);
  placed.forEach((issue, index) => {
    const where = locators.get(issue.id)!;
    const at = (field: string) => ({ ...where.locate([field]), field });
    if (founded !== undefined && issue.year < founded) {
      problems.add(where.absolute, `the issue is of ${issue.year}, before the gazette was founded (${gazette!.founded} in ${GAZETTE_FILE})`, at('year'));
    }
    const previous = placed.slice(0, index).findLast((other) => other.cumulative !== undefined);
    if (issue.cumulative === undefined || !previous) return;
    const expected = previous.cumulative! + issue.number - previous.number;
    if (previous.year === issue.year && issue.cumulative !== expected) {
      problems.warn(
        where.absolute,
        `总第${issue.cumulative}期 does not follow ${previous.id} (总第${previous.cumulative}期): expected 总第${expected}期; check both issues`,
        at('cumulative'),
      );
    } else if (issue.cumulative <= previous.cumulative!) {
      problems.add(
        where.absolute,
        `总第${issue.cumulative}期 is not after ${previous.id} (总第${previous.cumulative}期); cumulative numbers only grow`,
        at('cumulative'),
      );
    }
  });
}

/** Reads `contentDir` (holding one gazette folder) and validates everything in it. */
export function readArchive(contentDir: string, projectRoot = join(contentDir, '..'), options: ReadArchiveOptions = {}): ArchiveResult {
  const cwd = options.cwd ?? projectRoot;
  if (!existsSync(contentDir)) {
    const problem = { file: displayPath(contentDir, cwd), line: 0, column: 0, field: '', message: 'no content folder here; create it, or point GAZETTE_CONTENT_DIR (or --content) at it' };
    return { archive: null, problems: [problem], warnings: [], files: [] };
  }
  const linkRoots = [contentDir, ...(options.linkRoots ?? [])].map((root) => realpathSync(root));
  const problems = new ProblemList(projectRoot, cwd, linkRoots, options.markdown === true ? markdownProblems : options.markdown || null);
  const failed = (): ArchiveResult => ({
    archive: null,
    problems: problems.problems.sort(compareProblems),
    warnings: problems.warnings.sort(compareProblems),
    files: problems.files,
  });
  const top = listEntries(contentDir, problems);
  const gazetteFolders = top.filter((entry) => entry.isDirectory).map((entry) => entry.name);
  for (const entry of top) {
    if (!entry.isDirectory) problems.add(join(contentDir, entry.name), 'unexpected file: content/ holds one folder per gazette');
  }
  if (gazetteFolders.length !== 1) {
    problems.add(
      contentDir,
      gazetteFolders.length === 0
        ? 'no gazette: create content/<gazette>/gazette.yaml'
        : `found ${gazetteFolders.length} gazette folders (${gazetteFolders.join(', ')}); a site publishes one gazette`,
    );
    return failed();
  }
  const [gazetteId] = gazetteFolders;
  const gazetteDir = join(contentDir, gazetteId);
  if (!GAZETTE_ID.test(gazetteId)) {
    problems.add(gazetteDir, `gazette folder "${gazetteId}" must be lower-case ASCII letters, digits and hyphens`);
  }
  const gazetteFile = join(gazetteDir, GAZETTE_FILE);
  let gazette: { data: Gazette; parsed: ParsedYaml } | null = null;
  try {
    gazette = readYamlFile(gazetteSchema, gazetteFile, problems);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    problems.add(gazetteDir, `missing ${GAZETTE_FILE} (name, publisher, editor, …)`);
  }
  if (gazette?.data.about && problems.markdown) {
    const origin = gazette.parsed.locateText(['about']);
    for (const { severity, ...problem } of problems.markdown(gazette.data.about)) {
      const { message, ...at } = aboutProblem(origin, problem);
      if (severity) problems.warn(gazetteFile, message, { ...at, field: 'about' });
      else problems.add(gazetteFile, message, { ...at, field: 'about' });
    }
  }

  const issues: ArchiveIssue[] = [];
  const locators: Locators = new Map();
  const issueLocators: Locators = new Map();
  for (const { name: yearFolder, isDirectory } of listEntries(gazetteDir, problems)) {
    const yearDir = join(gazetteDir, yearFolder);
    if (yearFolder === GAZETTE_FILE) continue;
    if (!isDirectory || !YEAR_FOLDER.test(yearFolder)) {
      problems.add(yearDir, 'unexpected entry: a gazette folder holds gazette.yaml and one folder per year (e.g. 2020/)');
      continue;
    }
    for (const { name: issueFolder, isDirectory } of listEntries(yearDir, problems)) {
      const issueDir = join(yearDir, issueFolder);
      if (!isDirectory || !ISSUE_FOLDER.test(issueFolder)) {
        problems.add(issueDir, 'unexpected entry: a year folder holds one folder per issue, named by its number with two digits (e.g. 07/)');
        continue;
      }
      const issue = readIssue(issueDir, yearFolder, issueFolder, problems, locators, issueLocators);
      if (issue) issues.push(issue);
    }
  }
  issues.sort(compareIssues);
  const documents = issues.flatMap((issue) => issue.documents);

  checkIssueSequence(gazette?.data, issues, issueLocators, problems);
  checkArchiveWide(documents, lookupContext(gazette?.data.name), locators, problems);

  if (problems.problems.length > 0 || !gazette) return failed();
  return {
    archive: {
      gazette: { ...gazette.data, id: gazetteId, file: problems.path(gazetteFile), ...(gazette.data.about ? { aboutOrigin: gazette.parsed.locateText(['about']) } : {}) },
      issues,
      documents,
    },
    problems: [],
    warnings: problems.warnings.sort(compareProblems),
    files: problems.files,
  };
}
