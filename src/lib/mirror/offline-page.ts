/**
 * Rehype plugin that makes a built page safe to open from disk: module scripts, their
 * modulepreload links and preloads of what scripts fetch (the online search's Pagefind files)
 * are removed, since browsers refuse to run or fetch them from file://, and the
 * given classic scripts are added in their place. Pages of this site work without
 * JavaScript, so a dropped enhancement is reported, not fatal; the search page gets the
 * offline search client this way.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface OfflinePageOptions {
  /** Classic scripts to add at the end of <body>, in order (URLs as the page should say them). */
  scripts?: readonly string[];
  /** Told of every module script or modulepreload link removed, by its src/href (or "inline"). */
  onDropped?: (what: string) => void;
}

const SCRIPT_RESOURCES = new Set(['fetch', 'script', 'worker']);

function isModuleScript(node: Element): boolean {
  if (node.tagName === 'script') return String(node.properties.type ?? '').toLowerCase() === 'module';
  if (node.tagName !== 'link') return false;
  const rels = [node.properties.rel].flat().map((rel) => String(rel).toLowerCase());
  if (rels.includes('modulepreload')) return true;
  const as = String(node.properties.as ?? '').toLowerCase();
  return (rels.includes('preload') || rels.includes('prefetch')) && SCRIPT_RESOURCES.has(as);
}

export default function rehypeOfflinePage({ scripts = [], onDropped }: OfflinePageOptions = {}) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!isModuleScript(node) || !parent || index === undefined) return undefined;
      onDropped?.(String(node.properties.src ?? node.properties.href ?? 'inline'));
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    if (scripts.length === 0) return;
    const html = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'html');
    const body = html?.children.find((n): n is Element => n.type === 'element' && n.tagName === 'body');
    if (!body) throw new Error('offline page: the page has no <body> to add its scripts to');
    for (const src of scripts) {
      body.children.push({ type: 'element', tagName: 'script', properties: { src }, children: [] });
    }
  };
}
