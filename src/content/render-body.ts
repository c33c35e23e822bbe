/**
 * One Markdown text rendered as the build publishes it: Astro's Markdown processor with the
 * project's plugins (gazetteMarkdownPlugins) and the archive's number table, behind the
 * limits of body-limits.ts. The content loader renders the 简介 with it on its own thread
 * and the render workers (render-worker.ts) render document bodies with it, so a body is the
 * same bytes on whichever thread it is rendered.
 */
import {
  createMarkdownProcessor,
  parseFrontmatter,
  type AstroMarkdownOptions,
  type MarkdownRenderResult,
} from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { bodyLimitProblems } from './body-limits';
import type { BodyStore } from './body-store';
import { positionAt } from './yaml-source';
import { gazetteMarkdownPlugins } from '../markdown/markdown-pipeline';
import {
  citedTargets,
  knownPrefixes,
  reportedCitations,
  type CitationTarget,
  type CitationTargets,
} from '../markdown/rehype-citations';

/** Astro's Markdown settings the processor takes besides the plugins (plain data: they travel to the workers). */
export type MarkdownSettings = Pick<AstroMarkdownOptions, 'image' | 'syntaxHighlight' | 'shikiConfig' | 'gfm'>;

/** What Astro's renderMarkdown returns (the shape the content store keeps). */
export interface Rendered {
  html: string;
  metadata: MarkdownRenderResult['metadata'] & { imagePaths: string[] };
}

/** A problem in a text, placed in the text (1-based). */
export interface TextProblem {
  message: string;
  line?: number;
  column?: number;
}

export type Render = (text: string, options?: { fileURL?: URL }) => Promise<Rendered>;

/**
 * Astro's Markdown renderer (what context.renderMarkdown does) with the project's plugins and
 * this archive's number table: the same processor options and render steps, so bodies come
 * out as Astro's own renderer would make them.
 */
export async function bodyRenderer(settings: MarkdownSettings, targets: CitationTargets): Promise<Render> {
  const renderer = await createMarkdownProcessor({
    ...settings,
    ...gazetteMarkdownPlugins({ citationTargets: targets }),
  });
  return async (text, options) => {
    const { frontmatter, content } = parseFrontmatter(text);
    const { code, metadata } = await renderer.render(content, { frontmatter, fileURL: options?.fileURL });
    return {
      html: code,
      metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] },
    };
  };
}

/**
 * Renders Markdown, or says why it cannot be: the limits of body-limits.ts first (beyond them
 * the renderer overflows its stack or stalls), then what a Markdown plugin threw (a
 * VFileMessage has its position). `npm run check` reports the same (markdown-check.ts).
 */
export async function renderChecked(render: Render, text: string, fileURL?: URL): Promise<Rendered | TextProblem[]> {
  const limits = bodyLimitProblems(text);
  if (limits.length > 0) return limits.map(({ index, message }) => ({ ...positionAt(text, index), message }));
  // Astro's renderer dumps the error object on the console before throwing it; the build
  // reports it as one located line instead. Anything else logged meanwhile is passed on.
  const logged: unknown[][] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  let thrown: unknown;
  try {
    return await render(text, fileURL ? { fileURL } : undefined);
  } catch (error) {
    thrown = error;
    const { reason, line, column } = error as { reason?: string; line?: number; column?: number };
    return [{ message: reason ?? (error as Error).message, line, column }];
  } finally {
    console.error = consoleError;
    for (const args of logged) if (args[0] !== thrown || thrown === undefined) consoleError(...args);
  }
}

/** A document body rendered and stored (the hash of its HTML in the body store), or its problems. */
export type BodyResult = { bodyHash: string; citations: string[] } | { problems: TextProblem[] };

/**
 * Renders a document body (the file at `path`, which plugins' messages name) into the body
 * store: storing is hashing and writing the HTML, done by whichever thread rendered it.
 */
export async function renderBody(render: Render, bodies: BodyStore, text: string, path: string): Promise<BodyResult> {
  const rendered = await renderChecked(render, text, pathToFileURL(path));
  if (Array.isArray(rendered)) return { problems: rendered };
  return { bodyHash: bodies.write(rendered.html), citations: reportedCitations(rendered.metadata) };
}

const prefixDigests = new WeakMap<CitationTargets, string>();

/**
 * What of the number table a rendered body depends on, given the numbers its render cited (for
 * the loader's cache key): their targets (or null for those not archived), and, when it cites
 * any, the archive's 代字, since a number found in running text is cut to the longest 代字 the
 * archive knows (rehype-citations.ts) and so reads differently when one is added or removed.
 */
export function bodyDependencies(
  targets: CitationTargets,
  citations: readonly string[],
): { cited: Record<string, CitationTarget | null>; prefixes: string | null } {
  let prefixes = prefixDigests.get(targets);
  if (prefixes === undefined) {
    prefixes = createHash('sha256')
      .update([...knownPrefixes(targets)].sort().join('\n'))
      .digest('base64url');
    prefixDigests.set(targets, prefixes);
  }
  return { cited: citedTargets(targets, citations), prefixes: citations.length > 0 ? prefixes : null };
}
