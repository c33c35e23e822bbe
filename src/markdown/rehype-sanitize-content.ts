/**
 * rehype-sanitize with the schema for rendered content: exactly the elements and attributes that
 * Markdown (CommonMark + GFM: tables, task lists, footnotes, strikethrough) and the gazette
 * blocks (remark-gazette-blocks.ts) produce, and nothing else. It runs on the converted tree
 * before the project's own rehype plugins add their trusted markup (table-scroll wrappers,
 * citation links), so it never has to allow theirs.
 *
 * This is the second line of defence: remark-content-is-data.ts already refuses raw HTML and
 * unsafe URLs, and remark-rehype drops raw HTML (allowDangerousHtml: false).
 */
import type { Nodes, Root } from 'hast';
import rehypeSanitize, { type Options as Schema } from 'rehype-sanitize';
import { walk } from './walk';

/** Footnote ids and links as mdast-util-to-hast writes them (already prefixed, so no clobbering). */
const FOOTNOTE_ID = /^(?:user-content-fn(?:ref)?-.+|footnote-label)$/u;

export const contentSchema: Schema = {
  tagNames: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'hr',
    'br',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    'a',
    'img',
    'ul',
    'ol',
    'li',
    'input',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'section',
    'div',
  ],
  attributes: {
    a: [
      'href',
      'title',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      'ariaDescribedBy',
      'ariaLabel',
      ['className', 'data-footnote-backref'],
      ['id', FOOTNOTE_ID],
    ],
    img: ['src', 'alt', 'title'],
    code: [['className', /^language-[\w-]+$/u]],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: [
      ['className', 'task-list-item'],
      ['id', FOOTNOTE_ID],
    ],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    th: [['align', 'left', 'center', 'right']],
    td: [['align', 'left', 'center', 'right']],
    h2: [
      ['className', 'sr-only'],
      ['id', FOOTNOTE_ID],
    ],
    section: ['dataFootnotes', ['className', 'footnotes']],
    div: [['className', 'signature', 'forwarded-issuers']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: { li: ['ol', 'ul'], tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // Ids come only from footnotes, which are prefixed already; nothing else may set one.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
};

/**
 * `//host/x` (or `\\host`, `/\host`, which browsers read alike) counts as relative to the
 * sanitizer, but names another host: on the web it means https, and opened from disk (the
 * offline mirror) it means file://host/x, a network share that the CSP's 'self' lets through.
 */
const PROTOCOL_RELATIVE = /^[\t\n\r ]*[/\\]{2}/u;

/** A plugin without options, so that the pipeline's list can be `use`d entry by entry. */
export default function rehypeSanitizeContent() {
  const sanitize = rehypeSanitize(contentSchema);
  return (tree: Root): Root => {
    const clean = sanitize(tree);
    walk<Nodes>(clean, (element) => {
      if (element.type !== 'element') return;
      for (const name of ['href', 'src'] as const) {
        const value = element.properties[name];
        if (typeof value === 'string' && PROTOCOL_RELATIVE.test(value)) {
          element.properties[name] = `https://${value.replace(PROTOCOL_RELATIVE, '')}`;
        }
      }
    });
    return clean;
  };
}
