/**
 * Astro content-layer loaders over the archive reader. The whole archive is read and
 * validated once per build (cross-document rules need all of it); each collection then
 * stores its part. Document bodies are rendered with the project's Markdown plugins
 * (gazetteMarkdownPlugins) and the archive's number table, on every core when there are
 * enough of them (render-pool.ts), and re-rendered only when their digest changes; the HTML
 * is kept in the body store beside Astro's data store (src/content/body-store.ts), the data
 * store keeps its hash.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import gazetteConfig, { command } from 'virtual:gazette/config';
import { aboutProblem, readArchive, type Archive } from './archive';
import { displayPath, formatProblem, type ContentProblem } from './errors';
import { stopBuild } from '../build/build-guard';
import { documentPath } from '../site/site-model';
import { bodyStore } from './body-store';
import { bodyDependencies, bodyRenderer, renderChecked, type MarkdownSettings, type Render } from './render-body';
import { bodyRendererFor, renderThreads } from './render-pool';
import { lookupContext } from '../domain/number-lookup';
import { citationTargets, type CitationTargets } from '../markdown/rehype-citations';

/** The archive as read, its number table, and the renderer that links against that table. */
interface LoadedArchive {
  archive: Archive;
  targets: CitationTargets;
  settings: MarkdownSettings;
  render: Render;
}

let pending: Promise<LoadedArchive> | null = null;

/** The content folder, resolved against the project root by the configuration (src/config). */
const contentDir = gazetteConfig.content.dir;

/** Astro's Markdown settings, as its own renderer (context.renderMarkdown) takes them. */
function markdownSettings({ markdown, image }: LoaderContext['config']): MarkdownSettings {
  return { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm };
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
    const settings = markdownSettings(context.config);
    return { archive, targets, settings, render: await bodyRenderer(settings, targets) };
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
 * What a document's stored body depends on: its data, its Markdown, the part of the number
 * table its last render used (bodyDependencies) and the stored body's hash.
 */
function bodyDigest(
  context: LoaderContext,
  data: object,
  body: string,
  targets: CitationTargets,
  citations: string[],
  bodyHash: string,
): string {
  return context.generateDigest({ ...data, body, ...bodyDependencies(targets, citations), bodyHash });
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
        const { archive, targets, settings } = await loadArchive(context);
        const { documents } = archive;
        const bodies = bodyStore(fileURLToPath(context.config.cacheDir));
        const used = new Set<string>();
        const problems: ContentProblem[] = [];
        const stale = documents.filter(({ body, ...data }) => {
          // A body's HTML also depends on the number table: the digest covers the part of it the
          // last render used (bodyDependencies). It covers the stored body's hash too, because
          // Astro's store keeps an entry whose digest is unchanged.
          const previous = context.store.get<{ citations?: string[]; bodyHash?: string }>(data.id);
          const previousBody = previous?.data.bodyHash;
          if (
            previousBody &&
            previous.digest === bodyDigest(context, data, body, targets, previous.data.citations ?? [], previousBody) &&
            bodies.has(previousBody)
          ) {
            used.add(previousBody);
            return false;
          }
          return true;
        });
        const threads = renderThreads(stale.length);
        const renderer = await bodyRendererFor({
          settings,
          targets,
          cacheDir: fileURLToPath(context.config.cacheDir),
          root: fileURLToPath(context.config.root),
          threads,
        });
        context.logger.info(
          `rendering ${stale.length} of ${documents.length} bodies ${threads > 0 ? `in ${threads} worker threads` : 'on this thread'} (the others are unchanged)`,
        );
        try {
          // Every body is handed to the renderer at once (the pool queues them); the results
          // are stored in the archive's order, so that the data store is the same on every run.
          const renders = stale.map((document) => {
            const result = renderer.render(document.body, archiveFile(document.file));
            // Awaited in order below; a failure of a later one must not go unhandled meanwhile.
            result.catch(() => undefined);
            return { document, result };
          });
          for (const { document, result } of renders) {
            const { body, ...data } = document;
            const rendered = await result;
            if ('problems' in rendered) {
              // Every document is rendered before the build stops, so that it reports them all.
              const file = displayPath(archiveFile(data.file), process.cwd());
              for (const { message, line = 1, column = 1 } of rendered.problems) {
                problems.push({ file, line: data.bodyLine + line - 1, column, field: 'body', message });
              }
              continue;
            }
            // Astro bundles its data store into the build: the store keeps the metadata and the
            // body's hash, the body went to the body store (src/content/body-store.ts).
            const { bodyHash, citations } = rendered;
            used.add(bodyHash);
            const digest = bodyDigest(context, data, body, targets, citations, bodyHash);
            context.store.set({ id: data.id, data: { ...data, citations, bodyHash }, filePath: `${data.file}`, digest });
          }
        } finally {
          await renderer.close();
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
