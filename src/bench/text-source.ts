/**
 * Real text for generated benchmark archives: titles and paragraphs of real regulations, so
 * that word segmentation, index sizes and search behave as they would on a real gazette.
 *
 * Two sources: a folder of regulations in the LawRefBook format (`# 名称`, header lines,
 * `<!-- INFO END -->`, then `## 第一章 …` heads and `第一条 …` paragraphs), read only at
 * benchmark time and never copied into the repository; or the documents of an archive
 * (the sample issue in content/), whose bodies are the project's own Markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArchive } from '../content/archive';

/** One real text: its name and its paragraphs in order. */
export interface SourceText {
  /** The regulation's or document's name, e.g. 护士条例. */
  title: string;
  /** Chapter and section heads (第一章 总则), in order; may be empty. */
  heads: string[];
  /** Running-text paragraphs in order, without heads, tables or blocks. */
  paragraphs: string[];
}

const INFO_END = '<!-- INFO END -->';
/** Paragraphs shorter than this are usually fragments (a list item's label, a lone date). */
const MIN_PARAGRAPH = 12;

function plainParagraph(line: string): string | null {
  const text = line.trim();
  if (text.length < MIN_PARAGRAPH) return null;
  // Markup the generator does not reproduce: tables, HTML comments, block fences, quotes.
  if (/^(?:\||<|:::|>|---)/u.test(text)) return null;
  return text;
}

/** Heads (`## …` to `###### …`) and running-text paragraphs of Markdown lines. */
function headsAndParagraphs(lines: Iterable<string>): Pick<SourceText, 'heads' | 'paragraphs'> {
  const heads: string[] = [];
  const paragraphs: string[] = [];
  for (const line of lines) {
    const head = line.match(/^#{2,6}\s+(.+)$/u);
    if (head) heads.push(head[1]!.trim());
    else {
      const paragraph = plainParagraph(line);
      if (paragraph) paragraphs.push(paragraph);
    }
  }
  return { heads, paragraphs };
}

/** Parses one regulation in the LawRefBook format. Returns null when it has no text. */
export function parseRegulation(markdown: string): SourceText | null {
  const lines = markdown.replace(/\r\n?/gu, '\n').split('\n');
  const titleLine = lines.find((line) => line.startsWith('# '));
  if (!titleLine) return null;
  const start = lines.indexOf(INFO_END);
  const text = headsAndParagraphs(lines.slice(start >= 0 ? start + 1 : lines.indexOf(titleLine) + 1));
  return text.paragraphs.length > 0 ? { title: titleLine.slice(2).trim(), ...text } : null;
}

/**
 * Paragraphs of a document body written in this project's Markdown: running text only
 * (no `#` heads, tables, `:::signature`/`:::issuers` blocks).
 */
export function parseDocumentBody(title: string, body: string): SourceText | null {
  let inBlock = false;
  const outsideBlocks = body.split('\n').filter((line) => {
    // `:::signature` opens a block, a bare `:::` closes it.
    if (line.startsWith(':::')) inBlock = line.trim() !== ':::';
    else if (!inBlock) return true;
    return false;
  });
  const text = headsAndParagraphs(outsideBlocks);
  return text.paragraphs.length > 0 ? { title, ...text } : null;
}

/**
 * Reads every `*.md` regulation of a LawRefBook folder (recursively), in file-name order so
 * that a given corpus always yields the same texts. Throws when the folder has none.
 */
export function readRegulationCorpus(dir: string): SourceText[] {
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md') && !name.split(/[\\/]/u).pop()!.startsWith('_'))
      .sort();
  } catch (error) {
    throw new Error(
      `corpus ${dir}: cannot read the folder (${(error as Error).message}); pass --corpus <folder of regulation .md files>`,
    );
  }
  const texts = files.flatMap((name) => parseRegulation(readFileSync(join(dir, name), 'utf8')) ?? []);
  if (texts.length === 0) {
    throw new Error(`corpus ${dir}: no regulation found (expected .md files starting with "# 名称" and "${INFO_END}")`);
  }
  return texts;
}

/** The bodies of an archive's documents (e.g. the sample issue in content/) as source texts. */
export function readArchiveTexts(contentDir: string): SourceText[] {
  const result = readArchive(contentDir);
  if (!result.archive) {
    throw new Error(`${contentDir}: the archive does not read cleanly; run npm run check first`);
  }
  const texts = result.archive.documents.flatMap((document) => parseDocumentBody(document.title, document.body) ?? []);
  if (texts.length === 0) throw new Error(`${contentDir}: no document body to take text from`);
  return texts;
}
