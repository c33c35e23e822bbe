/**
 * Reads and validates a whole archive from `content/`: the gazette, its issues and their
 * documents. The build, `npm run check` and the importer's self-check all go through here,
 * so every rule about content lives in one place. Every problem is collected (not just the
 * first) with its file, line and field.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
} from '../../schemas/content';
import { compareProblems, type ContentProblem } from './errors';
import { decodeContentFile, splitFrontmatter } from './source-text';
import { parseYaml, YamlSyntaxError, type ParsedYaml } from './yaml-source';

export interface ArchiveGazette extends Gazette {
  /** Folder name under content/. */
  id: string;
  file: string;
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
  /** Documents in printed order: by section, then page. */
  documents: ArchiveDocument[];
}

export interface Archive {
  gazette: ArchiveGazette;
  /** Oldest first. */
  issues: ArchiveIssue[];
  /** In archive order: issue by issue, each in printed order. */
  documents: ArchiveDocument[];
}

export type ArchiveResult = { archive: Archive; problems: [] } | { archive: null; problems: ContentProblem[] };

const IGNORED_ENTRY = /^\./;
const DOCUMENT_FILE = /\.md$/;
const ISSUE_ATTACHMENT = /\.pdf$/i;

class ProblemList {
  readonly problems: ContentProblem[] = [];
  constructor(private readonly root: string) {}

  path(absolute: string): string {
    return relative(this.root, absolute).split(sep).join('/');
  }

  add(file: string, message: string, at: { line?: number; column?: number; field?: string } = {}): void {
    this.problems.push({
      file: this.path(file),
      line: at.line ?? 0,
      column: at.column ?? 0,
      field: at.field ?? '',
      message,
    });
  }
}

function listEntries(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !IGNORED_ENTRY.test(name))
    .sort();
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}

function readText(file: string, problems: ProblemList): string | null {
  const decoded = decodeContentFile(readFileSync(file));
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
      problems.add(file, `invalid YAML: ${error.reason}`, error.position);
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
  if (parts.body.trim() === '') {
    problems.add(file, 'the document has no body text below its frontmatter', { line: parts.bodyLine, column: 1 });
  }
  return { file, slug, frontmatter, parsed, body: parts.body, bodyLine: parts.bodyLine };
}

function readIssue(
  dir: string,
  yearFolder: string,
  issueFolder: string,
  problems: ProblemList,
  locators: Locators,
): ArchiveIssue | null {
  const issueFile = join(dir, ISSUE_FILE);
  const entries = listEntries(dir);
  if (!entries.includes(ISSUE_FILE)) {
    problems.add(dir, `an issue folder needs an ${ISSUE_FILE} (year, number, sections)`);
    return null;
  }
  const issue = readYamlFile(issueSchema, issueFile, problems);
  const pending: PendingDocument[] = [];
  for (const name of entries) {
    const path = join(dir, name);
    if (name === ISSUE_FILE || ISSUE_ATTACHMENT.test(name)) continue;
    if (isDirectory(path) || !DOCUMENT_FILE.test(name)) {
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
  if (data.pdf && !/^https?:/.test(data.pdf) && !entries.includes(data.pdf)) {
    problems.add(issueFile, `the PDF "${data.pdf}" is not in the issue folder`, { ...parsed.locate(['pdf']), field: 'pdf' });
  }
  const id = `${yearFolder}/${issueFolder}`;
  const documents = checkIssueDocuments(data, issueFile, id, pending, problems);
  return { ...data, id, file: problems.path(issueFile), documents };
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
    if (!sectionOrder.has(frontmatter.section)) {
      problems.add(
        file,
        `section "${frontmatter.section}" is not declared in ${problems.path(issueFile)}; use one of: ${issue.sections.join('、')}`,
        at('section'),
      );
    }
    if (issue.published && frontmatter.date > issue.published) {
      problems.add(file, `dated ${frontmatter.date}, after the issue was published (${issue.published})`, at('date'));
    }
    const year = Number(frontmatter.date.slice(0, 4));
    if (year > issue.year || year < issue.year - 2) {
      problems.add(file, `dated ${frontmatter.date}, implausible for an issue of ${issue.year}; check the year`, at('date'));
    }
  }
  const ordered = [...pending].sort(
    (a, b) =>
      (sectionOrder.get(a.frontmatter.section) ?? Infinity) - (sectionOrder.get(b.frontmatter.section) ?? Infinity) ||
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
        `page ${document.frontmatter.page} comes before page ${previous.frontmatter.page} of ${problems.path(previous.file)}, which precedes it in the table of contents (section order, then page); check the page or the section`,
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

function checkArchiveWide(documents: ArchiveDocument[], locators: Locators, problems: ProblemList) {
  const byNumber = new Map<string, ArchiveDocument>();
  const bySlug = new Map<string, ArchiveDocument>();
  for (const document of documents) {
    const where = locators.get(document.file)!;
    if (document.number) {
      const first = byNumber.get(document.number);
      if (first) {
        problems.add(where.absolute, `${document.number} is also the number of ${first.file}; two documents cannot share a number`, {
          ...where.locate(['number']),
          field: 'number',
        });
      } else byNumber.set(document.number, document);
    }
    const sameSlug = bySlug.get(document.slug);
    if (sameSlug) {
      problems.add(where.absolute, `the slug "${document.slug}" is also used by ${sameSlug.file}; slugs must be unique in the archive`);
    } else bySlug.set(document.slug, document);
  }
}

/** Where each document file's fields are written, by project-relative path. */
type Locators = Map<string, { absolute: string; locate: ParsedYaml['locate'] }>;

/** Reads `contentDir` (holding one gazette folder) and validates everything in it. */
export function readArchive(contentDir: string, projectRoot = join(contentDir, '..')): ArchiveResult {
  const problems = new ProblemList(projectRoot);
  const gazetteFolders = listEntries(contentDir).filter((name) => isDirectory(join(contentDir, name)));
  for (const name of listEntries(contentDir)) {
    if (!isDirectory(join(contentDir, name))) {
      problems.add(join(contentDir, name), 'unexpected file: content/ holds one folder per gazette');
    }
  }
  if (gazetteFolders.length !== 1) {
    problems.add(
      contentDir,
      gazetteFolders.length === 0
        ? 'no gazette: create content/<gazette>/gazette.yaml'
        : `found ${gazetteFolders.length} gazette folders (${gazetteFolders.join(', ')}); a site publishes one gazette`,
    );
    return { archive: null, problems: problems.problems.sort(compareProblems) };
  }
  const [gazetteId] = gazetteFolders;
  const gazetteDir = join(contentDir, gazetteId);
  if (!GAZETTE_ID.test(gazetteId)) {
    problems.add(gazetteDir, `gazette folder "${gazetteId}" must be lower-case ASCII letters, digits and hyphens`);
  }
  const gazetteFile = join(gazetteDir, GAZETTE_FILE);
  let gazette: { data: Gazette } | null = null;
  try {
    gazette = readYamlFile(gazetteSchema, gazetteFile, problems);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    problems.add(gazetteDir, `missing ${GAZETTE_FILE} (name, publisher, editor, …)`);
  }

  const issues: ArchiveIssue[] = [];
  const locators: Locators = new Map();
  for (const yearFolder of listEntries(gazetteDir)) {
    const yearDir = join(gazetteDir, yearFolder);
    if (yearFolder === GAZETTE_FILE) continue;
    if (!isDirectory(yearDir) || !YEAR_FOLDER.test(yearFolder)) {
      problems.add(yearDir, 'unexpected entry: a gazette folder holds gazette.yaml and one folder per year (e.g. 2020/)');
      continue;
    }
    for (const issueFolder of listEntries(yearDir)) {
      const issueDir = join(yearDir, issueFolder);
      if (!isDirectory(issueDir) || !ISSUE_FOLDER.test(issueFolder)) {
        problems.add(issueDir, 'unexpected entry: a year folder holds one folder per issue, named by its number with two digits (e.g. 07/)');
        continue;
      }
      const issue = readIssue(issueDir, yearFolder, issueFolder, problems, locators);
      if (issue) issues.push(issue);
    }
  }
  issues.sort((a, b) => a.year - b.year || a.number - b.number);
  const documents = issues.flatMap((issue) => issue.documents);

  checkArchiveWide(documents, locators, problems);

  if (problems.problems.length > 0 || !gazette) {
    return { archive: null, problems: problems.problems.sort(compareProblems) };
  }
  return {
    archive: { gazette: { ...gazette.data, id: gazetteId, file: problems.path(gazetteFile) }, issues, documents },
    problems: [],
  };
}
