/**
 * Reading a built archive from disk: its HTML pages as hast trees, their visible text, and
 * the text folding used to compare printed text with what the site shows.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root, Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** sha256 of every file below `dir`, by path: two builds compared byte for byte. */
export function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

export function readPage(dir: string, path: string): Root {
  return fromHtml(readFileSync(join(dir, path), 'utf8'));
}

export function textOf(node: Root | Element | undefined): string {
  return node ? toText(node) : '';
}

export function mainText(tree: Root): string {
  return textOf(select('main', tree) ?? tree);
}

export { select, selectAll };

/**
 * Folds text for comparing what was printed with what the site shows: compatibility forms
 * unified (full-width ，and half-width , alike), whitespace and punctuation dropped. Layout
 * changes (re-joined lines, spacing, punctuation width) vanish; every word must remain.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}
