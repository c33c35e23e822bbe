/**
 * Astro content-layer loaders over the archive reader. The whole archive is read and
 * validated once per build (cross-document rules need all of it); each collection then
 * stores its part. Document bodies are rendered with the project's Markdown plugins
 * (gazetteMarkdownPlugins) and the archive's number table, and re-rendered only when their
 * digest changes; the HTML is kept in the body store beside Astro's data store
 * (src/content/body-store.ts), the data store keeps its hash.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import gazetteConfig, { command } from 'virtual:gazette/config';
import { aboutProblem, readArchive, type Archive } from './archive';
import { bodyLimitProblems } from './body-limits';
import { displayPath, formatProblem, type ContentProblem } from './errors';
import { positionAt } from './yaml-source';
import { stopBuild } from '../build/build-guard';
import { documentPath } from '../site/site-model';
import { bodyStore } from './body-store';
import { lookupContext } from '../domain/number-lookup';
import { gazetteMarkdownPlugins } from '../markdown/markdown-pipeline';
import { citationTargets, citedTargets, reportedCitations, type CitationTargets } from '../markdown/rehype-citations';

type Rendered = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;
type TextProblem = { message: string; line?: number; column?: number };
type Render = (text: string, options?: { fileURL?: URL }) => Promise<Rendered>;

/** The archive as read, its number table, and the renderer that links against that table. */
interface LoadedArchive {
  archive: Archive;
  targets: CitationTargets;
  render: Render;
}

let pending: Promise<LoadedArchive> | null = null;

/** The content folder, resolved against the project root by the configuration (src/config). */
const contentDir = gazetteConfig.content.dir;

/**
 * Astro's Markdown renderer (context.renderMarkdown) with the project's plugins and this
 * archive's number table: the same processor options and render steps, so bodies come out as
 * Astro's own renderer would make them.
 */
async function bodyRenderer(context: LoaderContext, targets: CitationTargets): Promise<Render> {
  const { markdown, image } = context.config;
  const renderer = await createMarkdownProcessor({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    ...gazetteMarkdownPlugins({ citationTargets: targets }),
  });
  return async (text, options) => {
    const { frontmatter, content } = parseFrontmatter(text);
    const { code, metadata } = await renderer.render(content, { frontmatter, fileURL: options?.fileURL });
    return { html: code, metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] } };
  };
}

function loadArchive(context: LoaderContext): Promise<LoadedArchive> {
  pending ??= Promise.resolve().then(async () => {
    // Archive paths start at the content folder's parent (content/zibo/…, for edit links);
    // problems name files from where the build was started, as check does.
    const result = readArchive(contentDir, dirname(contentDir), { cwd: process.cwd() });
    // Warnings are `npm run check`'s too: the build shows them and goes on.
    for (const warning of result.warnings) context.logger.warn(formatProblem(warning));
    const { archive } = result;
    if (!archive) stopBuild(result.problems.map(formatProblem), command);
    // Bodies link the numbers they cite (src/markdown/rehype-citations.ts) against this table.
    const { documents, gazette } = archive;
    const paths = documents.map((d) => ({ ...d, path: documentPath(d.id) }));
    const targets = citationTargets(paths, context.config.base, lookupContext(gazette.name));
    return { archive, targets, render: await bodyRenderer(context, targets) };
  });
  return pending;
}

function watchForChanges(context: LoaderContext, reload: () => Promise<void>) {
  context.watcher?.on('all', (_event, path) => {
    if (path.startsWith(contentDir)) {
      pending = null;
      void reload();
    }
  });
}

/** Where a file of the archive (a path from the content folder's parent) is on disk. */
function archiveFile(file: string): string {
  return resolve(dirname(contentDir), file);
}

/**
 * Renders Markdown, or says why it cannot be: the limits of body-limits.ts first (beyond them
 * the renderer overflows its stack or stalls), then what a Markdown plugin threw (a
 * VFileMessage has its position). `npm run check` reports the same (markdown-check.ts).
 */
async function renderChecked(render: Render, text: string, fileURL?: URL): Promise<Rendered | TextProblem[]> {
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

function replaceEntries(context: LoaderContext, ids: Set<string>) {
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
}

export function gazetteLoader(): Loader {
  return {
    name: 'gazette-archive:gazette',
    load: async (context) => {
      const load = async () => {
        // Where the 简介 is written only places its problems: the page gets the rest.
        const { archive, render } = await loadArchive(context);
        const { aboutOrigin, ...gazette } = archive.gazette;
        // The 简介 is Markdown: rendered with the site's processor, like document bodies.
        const rendered = gazette.about ? await renderChecked(render, gazette.about) : undefined;
        if (Array.isArray(rendered)) {
          const file = displayPath(archiveFile(gazette.file), process.cwd());
          // readArchive sets aboutOrigin whenever there is an about.
          stopBuild(rendered.map((problem) => formatProblem({ file, ...aboutProblem(aboutOrigin!, problem), field: 'about' })), command);
        }
        context.store.set({ id: gazette.id, data: gazette, body: gazette.about, digest: context.generateDigest(gazette), rendered });
        replaceEntries(context, new Set([gazette.id]));
      };
      await load();
      watchForChanges(context, load);
    },
  };
}

export function issuesLoader(): Loader {
  return {
    name: 'gazette-archive:issues',
    load: async (context) => {
      const load = async () => {
        const { issues } = (await loadArchive(context)).archive;
        for (const { documents, ...issue } of issues) {
          const data = { ...issue, documentIds: documents.map((document) => document.id) };
          context.store.set({ id: issue.id, data, digest: context.generateDigest(data) });
        }
        replaceEntries(context, new Set(issues.map((issue) => issue.id)));
      };
      await load();
      watchForChanges(context, load);
    },
  };
}

export function documentsLoader(): Loader {
  return {
    name: 'gazette-archive:documents',
    load: async (context) => {
      const load = async () => {
        const { archive, targets, render } = await loadArchive(context);
        const { documents } = archive;
        const bodies = bodyStore(fileURLToPath(context.config.cacheDir));
        const used = new Set<string>();
        const problems: ContentProblem[] = [];
        for (const { body, ...data } of documents) {
          // A body's HTML also depends on whether the numbers it cites are archived (and where):
          // the digest covers the targets of the numbers its last render found. It covers the
          // stored body's hash too, because Astro's store keeps an entry whose digest is unchanged.
          const previous = context.store.get<{ citations?: string[]; bodyHash?: string }>(data.id);
          const digestOf = (citations: string[], bodyHash: string) =>
            context.generateDigest({ ...data, body, cited: citedTargets(targets, citations), bodyHash });
          const previousBody = previous?.data.bodyHash;
          if (previousBody && previous.digest === digestOf(previous.data.citations ?? [], previousBody) && bodies.has(previousBody)) {
            used.add(previousBody);
            continue;
          }
          const path = archiveFile(data.file);
          const rendered = await renderChecked(render, body, pathToFileURL(path));
          if (Array.isArray(rendered)) {
            // Every document is rendered before the build stops, so that it reports them all.
            const file = displayPath(path, process.cwd());
            for (const { message, line = 1, column = 1 } of rendered) {
              problems.push({ file, line: data.bodyLine + line - 1, column, field: 'body', message });
            }
            continue;
          }
          const citations = reportedCitations(rendered.metadata);
          // Astro bundles its data store into the build: the store keeps the metadata and the
          // body's hash, the body goes to the body store (src/content/body-store.ts).
          const bodyHash = bodies.write(rendered.html);
          used.add(bodyHash);
          context.store.set({ id: data.id, data: { ...data, citations, bodyHash }, filePath: `${data.file}`, digest: digestOf(citations, bodyHash) });
        }
        if (problems.length > 0) stopBuild(problems.map(formatProblem), command);
        replaceEntries(context, new Set(documents.map((document) => document.id)));
        bodies.prune(used);
      };
      await load();
      watchForChanges(context, load);
    },
  };
}
