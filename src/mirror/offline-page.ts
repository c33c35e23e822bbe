/**
 * Rehype plugin that makes a built page safe to open from disk: module scripts, their
 * modulepreload links and preloads of what scripts fetch (the online search's Pagefind files)
 * are removed, since browsers refuse to run or fetch them from file://, and the
 * given classic scripts are added in their place. Pages of this site work without
 * JavaScript, so a dropped enhancement is reported, not fatal; the search page gets the
 * offline search client this way. The page's Content-Security-Policy <meta> is replaced by the
 * mirror's (src/site/csp.ts), so that whatever the page said, the policy it runs under is the
 * one the mirror was tested with.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface OfflinePageOptions {
  /** Classic scripts to add at the end of <body>, in order (URLs as the page should say them). */
  scripts?: readonly string[];
  /** Told of every module script or modulepreload link removed, by its src/href (or "inline"). */
  onDropped?: (what: string) => void;
  /** The policy of the page's <meta http-equiv="Content-Security-Policy">, first in <head>. */
  contentSecurityPolicy?: string;
}

const SCRIPT_RESOURCES = new Set(['fetch', 'script', 'worker']);

function isPolicyMeta(node: Element): boolean {
  return node.tagName === 'meta' && String(node.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy';
}

function child(parent: Root | Element | undefined, tagName: string): Element | undefined {
  for (const node of parent?.children ?? []) if (node.type === 'element' && node.tagName === tagName) return node;
  return undefined;
}

function isModuleScript(node: Element): boolean {
  if (node.tagName === 'script') return String(node.properties.type ?? '').toLowerCase() === 'module';
  if (node.tagName !== 'link') return false;
  const rels = [node.properties.rel].flat().map((rel) => String(rel).toLowerCase());
  if (rels.includes('modulepreload')) return true;
  const as = String(node.properties.as ?? '').toLowerCase();
  return (rels.includes('preload') || rels.includes('prefetch')) && SCRIPT_RESOURCES.has(as);
}

export default function rehypeOfflinePage({ scripts = [], onDropped, contentSecurityPolicy }: OfflinePageOptions = {}) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (isModuleScript(node)) onDropped?.(String(node.properties.src ?? node.properties.href ?? 'inline'));
      else if (!(contentSecurityPolicy !== undefined && isPolicyMeta(node))) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    const html = child(tree, 'html');
    if (contentSecurityPolicy !== undefined) {
      const head = child(html, 'head');
      if (!head) throw new Error('offline page: the page has no <head> for its Content-Security-Policy');
      // After <meta charset>, which must come first, and before anything the policy governs.
      const at =
        head.children.findIndex((n) => n.type === 'element' && n.tagName === 'meta' && 'charSet' in n.properties) + 1;
      head.children.splice(at, 0, {
        type: 'element',
        tagName: 'meta',
        properties: { httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy },
        children: [],
      });
    }
    if (scripts.length === 0) return;
    const body = child(html, 'body');
    if (!body) throw new Error('offline page: the page has no <body> to add its scripts to');
    for (const src of scripts) {
      body.children.push({ type: 'element', tagName: 'script', properties: { src }, children: [] });
    }
  };
}
