/**
 * Rewrites the URLs of a built page or stylesheet so that it works opened from disk
 * (file://): every link to the site itself becomes relative to the file and names the file it
 * opens (`../../2020/07/index.html`, not `/2020/07/`), because from disk there is no server
 * to find a folder's index.html or to resolve a path against the site's root.
 *
 * Astro cannot emit such links itself (its `base` must be a root path, and a relative base was
 * proposed and declined upstream), so the mirror rewrites a normal build: HTML through a rehype
 * plugin over every URL-bearing attribute, CSS (stylesheets, <style>, style="") through
 * css-tree's parser. Pure: which paths are files is asked of the caller.
 */
import { posix } from 'node:path';
import { generate, parse, walk, type CssNode } from 'css-tree';
import type { Element, Root } from 'hast';
import { parseSrcset, stringifySrcset } from 'srcset';
import { visit } from 'unist-util-visit';

export interface RelativizeContext {
  /** Path of the file being rewritten, from the mirror's root: `2020/07/zzbz-2020-56/index.html`. */
  from: string;
  /** The base the site was built with (`/`, `/gazette/`): root paths below it are the mirror's. */
  base: string;
  /** The site's published origin and base (`https://gazette.example.org/`): its absolute URLs are the mirror's too. */
  site?: string;
  /** Whether a path from the mirror's root is a file (tells `feed.xml` from the folder `2020`). */
  isFile: (path: string) => boolean;
  /** Told of every link into the mirror: the file it opens, and whether that file exists. */
  onLink?: (target: string, exists: boolean, url: string) => void;
}

const PLACEHOLDER_ORIGIN = 'http://mirror.invalid';

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** The file a path from the mirror's root opens: a folder's index.html, or the file itself. */
function targetFile(path: string, isFile: (path: string) => boolean): { file: string; exists: boolean } {
  if (path === '' || path.endsWith('/')) {
    const file = `${path}index.html`;
    return { file, exists: isFile(file) };
  }
  if (isFile(path)) return { file: path, exists: true };
  const index = `${path}/index.html`;
  return isFile(index) ? { file: index, exists: true } : { file: path, exists: false };
}

/**
 * Percent-encodes path segments, but leaves the sub-delimiters a path may hold as they are
 * (a@2x.png stays readable). Commas stay encoded: they would split a srcset; colons too: in a
 * relative URL's first segment they would read as a scheme.
 */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      segment === '..' || segment === '.'
        ? segment
        : encodeURIComponent(segment).replace(/%(?:40|21|24|26|27|28|29|2A|2B|3B|3D)/giu, decodeURIComponent),
    )
    .join('/');
}

/**
 * The URL rewritten relative to `context.from`, or the URL unchanged when it does not point
 * into the mirror (another site, mailto:, data:, a fragment of the same page).
 */
export function relativizeUrl(url: string, context: RelativizeContext): string {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return url;
  const base = withSlash(context.base.startsWith('/') ? context.base : `/${context.base}`);
  const fromDir = posix.dirname(`/${context.from}`);
  const pageUrl = new URL(`${PLACEHOLDER_ORIGIN}${base}${encodePath(fromDir.slice(1))}${fromDir === '/' ? '' : '/'}`);

  let resolved: URL;
  if (/^[a-z][a-z0-9+.-]*:/iu.test(trimmed) || trimmed.startsWith('//')) {
    const site = context.site ? new URL(context.site) : null;
    let absolute: URL;
    try {
      absolute = new URL(trimmed, pageUrl);
    } catch {
      return url;
    }
    const siteBase = site ? withSlash(site.pathname) : null;
    if (!site || absolute.origin !== site.origin || !withSlash(absolute.pathname).startsWith(siteBase!)) return url;
    resolved = new URL(
      `${base}${absolute.pathname.slice(siteBase!.length)}${absolute.search}${absolute.hash}`,
      PLACEHOLDER_ORIGIN,
    );
  } else {
    try {
      resolved = new URL(trimmed, pageUrl);
    } catch {
      return url;
    }
  }
  if (!withSlash(resolved.pathname).startsWith(base)) return url;

  let path: string;
  try {
    path = decodeURIComponent(resolved.pathname.slice(base.length));
  } catch {
    return url;
  }
  if (withSlash(resolved.pathname) === base) path = '';
  const { file, exists } = targetFile(path, context.isFile);
  context.onLink?.(file, exists, url);
  const relative = posix.relative(fromDir, `/${file}`) || posix.basename(file);
  return `${encodePath(relative)}${resolved.search}${resolved.hash}`;
}

/* ------------------------------------------------------------------------------------ CSS */

function rewriteCssTree(tree: CssNode, context: RelativizeContext): void {
  walk(tree, (node) => {
    if (node.type === 'Url') node.value = relativizeUrl(node.value, context);
    // @import "x.css" names its target with a plain string.
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'import' && node.prelude?.type === 'AtrulePrelude') {
      const first = node.prelude.children.first;
      if (first?.type === 'String') first.value = relativizeUrl(first.value, context);
    }
  });
}

/** A stylesheet with its url() and @import targets made relative to `context.from` (the CSS file). */
export function relativizeCss(css: string, context: RelativizeContext): string {
  const tree = parse(css);
  rewriteCssTree(tree, context);
  return generate(tree);
}

/** The value of a style="" attribute, rewritten. */
export function relativizeStyleAttribute(style: string, context: RelativizeContext): string {
  if (!/url\(/iu.test(style)) return style;
  const tree = parse(style, { context: 'declarationList' });
  rewriteCssTree(tree, context);
  return generate(tree);
}

/* ----------------------------------------------------------------------------------- HTML */

/** Attributes (hast property names) that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'data', 'cite', 'xLinkHref'] as const;
const SRCSET_PROPERTIES = ['srcSet', 'imageSrcSet'] as const;
const META_REFRESH = /^(\s*\d+\s*[;,]\s*url\s*=\s*)(['"]?)(.*?)\2\s*$/iu;

function relList(element: Element): string[] {
  const rel: unknown = element.properties.rel;
  const values: unknown[] = Array.isArray(rel) ? rel : String(rel ?? '').split(/\s+/u);
  return values.map((r) => String(r).toLowerCase());
}

function rewriteSrcset(value: string, context: RelativizeContext): string {
  return stringifySrcset(
    parseSrcset(value).map((candidate) => ({ ...candidate, url: relativizeUrl(candidate.url, context) })),
  );
}

/** Rewrites one element's URLs in place. */
function rewriteElement(element: Element, context: RelativizeContext): void {
  const { properties } = element;
  // The canonical link names the published original on purpose: the mirror is a copy of it.
  const keepAbsolute = element.tagName === 'link' && relList(element).includes('canonical');
  for (const name of URL_PROPERTIES) {
    const value = properties[name];
    if (typeof value === 'string' && !keepAbsolute) properties[name] = relativizeUrl(value, context);
  }
  for (const name of SRCSET_PROPERTIES) {
    const value = properties[name];
    if (typeof value === 'string') properties[name] = rewriteSrcset(value, context);
  }
  if (typeof properties.style === 'string') properties.style = relativizeStyleAttribute(properties.style, context);
  const httpEquiv = properties.httpEquiv;
  const isRefresh =
    (Array.isArray(httpEquiv) ? httpEquiv.join(' ') : String(httpEquiv ?? '')).toLowerCase() === 'refresh';
  if (element.tagName === 'meta' && isRefresh && typeof properties.content === 'string') {
    const match = META_REFRESH.exec(properties.content);
    if (match) properties.content = `${match[1]}${relativizeUrl(match[3]!, context)}`;
  }
  if (element.tagName === 'style') {
    for (const child of element.children) {
      if (child.type === 'text') child.value = relativizeCss(child.value, context);
    }
  }
}

/** Rehype plugin: every URL of the page relative to it (see the module comment). */
export default function rehypeRelativize(context: RelativizeContext) {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => rewriteElement(element, context));
  };
}
