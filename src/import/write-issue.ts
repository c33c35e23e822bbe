/**
 * Writing an imported issue without ever overwriting an editor's file unprompted: every target
 * is classified first (new, unchanged, or changed), and nothing is written while a changed
 * file exists and overwriting was not asked for. An existing gazette.yaml is never rewritten:
 * the editor owns it; the 简介 page's differing fields are reported instead.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import type { GazetteInfo } from './about-page';

export interface PlannedFile {
  path: string;
  content: string;
  /** create: new file; unchanged: same bytes on disk; overwrite: different bytes on disk. */
  action: 'create' | 'unchanged' | 'overwrite';
}

export function planFiles(files: readonly { path: string; content: string }[]): PlannedFile[] {
  return files.map(({ path, content }) => {
    if (!existsSync(path)) return { path, content, action: 'create' };
    return { path, content, action: readFileSync(path, 'utf8') === content ? 'unchanged' : 'overwrite' };
  });
}

/** Writes the new and changed files. */
export function writePlannedFiles(plan: readonly PlannedFile[]): void {
  for (const { path, content, action } of plan) {
    if (action === 'unchanged') continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** Markdown files already in the issue folder that this import does not produce. */
export function strayDocuments(issueDir: string, slugs: readonly string[]): string[] {
  if (!existsSync(issueDir)) return [];
  return readdirSync(issueDir)
    .filter((name) => name.endsWith('.md') && !slugs.includes(name.slice(0, -3)))
    .sort()
    .map((name) => join(issueDir, name));
}

/** Fields of an existing gazette.yaml that the 简介 page gives differently, as messages. */
export function gazetteDifferences(existingYaml: string, imported: GazetteInfo): string[] {
  const existing = (load(existingYaml) ?? {}) as Record<string, unknown>;
  return Object.entries(imported).flatMap(([field, value]) => {
    const current = existing[field];
    const same = current !== undefined && String(current).trim() === String(value).trim();
    if (same) return [];
    const shown = (text: unknown) => JSON.stringify(String(text).trim());
    return [
      current === undefined
        ? `${field}: not set; the 简介 page gives ${shown(value)}`
        : `${field}: ${shown(current)}; the 简介 page gives ${shown(value)}`,
    ];
  });
}
