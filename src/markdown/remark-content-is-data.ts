/**
 * Content is data, never code: a document body or the 简介 is Markdown text, and nothing in it
 * may make a reader's browser run script, load another site or change the page around it.
 *
 *   - Raw HTML (any tag, comment or declaration: `<script>`, `<img onerror>`, `<br>`, `<!-- -->`)
 *     is refused. There is no allowlist: no gazette in the archive or its fixtures needs one,
 *     superscripts are printed as Unicode (m², 10⁴), and line breaks have :::signature /
 *     :::issuers. A `<` meant as text is written `\<`.
 *   - Links and link definitions may only be http:, https:, mailto: or relative; images only
 *     files of the site itself (a relative path), since the site's CSP loads nothing from
 *     elsewhere. The URL is judged as a browser reads it (WHATWG URL parsing), so case,
 *     character references, tabs and newlines (`JaVa&#x53;cript:`, `java\tscript:`) do not
 *     get past.
 *
 * Every offence becomes a fatal VFile message at the node's position (`npm run check` reports
 * them all); the first one is then thrown, which stops the build. rehype-sanitize
 * (markdown-pipeline.ts) is the second line of defence behind this one.
 */
import type { Root, Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { walk } from './walk';

const SOURCE = 'gazette-content';
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** A stand-in for the site's own address, to resolve relative URLs against. */
const SITE = new URL('https://site.invalid/a/b/');

/** What the HTML is, for the message: `<script>`, `</div>`, an HTML comment. */
function describeHtml(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('<!--')) return 'an HTML comment';
  const tag = /^<\/?[a-z][a-z0-9-]*/iu.exec(trimmed);
  if (tag) return `the HTML tag ${tag[0].toLowerCase()}>`;
  return `raw HTML ${JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed)}`;
}

/** The URL as a browser resolves it on a page of the site, or why it cannot be one. */
function urlOnSite(url: string, what: string): URL | string {
  try {
    return new URL(url, SITE);
  } catch {
    return `the ${what} address ${JSON.stringify(url)} is not a valid URL`;
  }
}

/** Why a link's URL is refused, or null when it is allowed. */
export function unsafeLinkUrl(url: string): string | null {
  const parsed = urlOnSite(url, 'link');
  if (typeof parsed === 'string') return parsed;
  if (LINK_PROTOCOLS.has(parsed.protocol)) return null;
  return `the link address ${JSON.stringify(url)} uses ${parsed.protocol}, which is not allowed: links may be http:, https:, mailto: or relative`;
}

/** Why an image's URL is refused, or null when it names a file of the site. */
export function unsafeImageUrl(url: string): string | null {
  const parsed = urlOnSite(url, 'image');
  if (typeof parsed === 'string') return parsed;
  if (parsed.origin === SITE.origin) return null;
  return `the image address ${JSON.stringify(url)} is not a file of this site: images must be relative paths to files in the archive (the site loads nothing from elsewhere)`;
}

/** The nodes problemOf judges. */
const JUDGED = new Set<string>(['html', 'link', 'definition', 'image', 'imageReference']);

function problemOf(node: Nodes, definitions: Map<string, string>): string | null {
  switch (node.type) {
    case 'html':
      return `${describeHtml(node.value)} is not allowed: content is Markdown only, raw HTML is refused; write the text itself in Markdown (a "<" meant as text is written "\\<")`;
    case 'link':
    case 'definition':
      return unsafeLinkUrl(node.url);
    case 'image':
      return unsafeImageUrl(node.url);
    case 'imageReference': {
      const url = definitions.get(node.identifier);
      return url === undefined ? null : unsafeImageUrl(url);
    }
    default:
      return null;
  }
}

export default function remarkContentIsData() {
  return (tree: Root, file: VFile) => {
    const definitions = new Map<string, string>();
    // One walk: image references are judged once every definition is known.
    const judged: Nodes[] = [];
    walk<Nodes>(tree, (node) => {
      if (JUDGED.has(node.type)) judged.push(node);
      // The first definition of a label wins, as in CommonMark.
      if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    const found: ReturnType<VFile['message']>[] = [];
    for (const node of judged) {
      const reason = problemOf(node, definitions);
      if (!reason) continue;
      const message = file.message(reason, {
        place: node.position,
        source: SOURCE,
        ruleId: node.type === 'html' ? 'raw-html' : 'unsafe-url',
      });
      message.fatal = true;
      found.push(message);
    }
    if (found.length > 0) throw found[0];
  };
}
