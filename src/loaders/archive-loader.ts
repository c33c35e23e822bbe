/**
 * Astro content-layer loaders over the archive reader. The whole archive is read and
 * validated once per build (cross-document rules need all of it); each collection then
 * stores its part. Document bodies are rendered with the project's Markdown processor and
 * re-rendered only when their digest changes, so Astro's data store caches them across builds.
 */
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readArchive, type Archive } from '../lib/content/archive';
import { ContentError, formatProblem } from '../lib/content/errors';
import { siteSettings } from '../site-settings';
import { documentPath } from '../lib/site-model';
import { citationTargets, citedTargets, registeredCitationTargets, reportedCitations, setCitationTargets } from '../plugins/rehype-citations';

let pending: { root: string; archive: Promise<Archive> } | null = null;

function contentDir(root: string): string {
  const { contentDir } = siteSettings(process.env);
  return isAbsolute(contentDir) ? contentDir : resolve(root, contentDir);
}

function loadArchive(context: LoaderContext): Promise<Archive> {
  const root = fileURLToPath(context.config.root);
  if (!pending || pending.root !== root) {
    pending = {
      root,
      archive: Promise.resolve().then(() => {
        // Paths in problems start at the content folder's parent: content/zibo/… for editors.
        const dir = contentDir(root);
        const result = readArchive(dir, dirname(dir));
        // Warnings are `npm run check`'s too: the build shows them and goes on.
        for (const warning of result.warnings) context.logger.warn(formatProblem(warning));
        if (!result.archive) throw new ContentError(result.problems);
        // Bodies link the numbers they cite (src/plugins/rehype-citations.ts): register the table first.
        setCitationTargets(citationTargets(result.archive.documents.map((d) => ({ ...d, path: documentPath(d.id) })), context.config.base));
        return result.archive;
      }),
    };
  }
  return pending.archive;
}

function watchForChanges(context: LoaderContext, reload: () => Promise<void>) {
  context.watcher?.on('all', (_event, path) => {
    if (path.startsWith(contentDir(fileURLToPath(context.config.root)))) {
      pending = null;
      void reload();
    }
  });
}

function replaceEntries(context: LoaderContext, ids: Set<string>) {
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
}

export function gazetteLoader(): Loader {
  return {
    name: 'gazette-archive:gazette',
    load: async (context) => {
      const load = async () => {
        const { gazette } = await loadArchive(context);
        const data = { ...gazette };
        // The 简介 is Markdown: rendered with the site's processor, like document bodies.
        const rendered = gazette.about ? await context.renderMarkdown(gazette.about) : undefined;
        context.store.set({ id: gazette.id, data, body: gazette.about, digest: context.generateDigest(data), rendered });
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
        const { issues } = await loadArchive(context);
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
        const { documents } = await loadArchive(context);
        const targets = registeredCitationTargets();
        for (const { body, ...data } of documents) {
          // A body's HTML also depends on whether the numbers it cites are archived (and where):
          // the digest covers the targets of the numbers its last render found.
          const previous = context.store.get<{ citations?: string[] }>(data.id);
          const digestOf = (citations: string[]) => context.generateDigest({ ...data, body, cited: citedTargets(targets, citations) });
          if (previous && previous.digest === digestOf(previous.data.citations ?? [])) continue;
          const fileURL = new URL(data.file, context.config.root);
          let rendered;
          try {
            rendered = await context.renderMarkdown(body, { fileURL });
          } catch (error) {
            const reason = (error as { reason?: string }).reason ?? (error as Error).message;
            const line = (error as { line?: number }).line;
            throw new Error(`${data.file}:${line ? data.bodyLine + line - 1 : data.bodyLine}: body: ${reason}`, {
              cause: error,
            });
          }
          const citations = reportedCitations(rendered.metadata);
          // The Markdown source is not stored: pages and open data use the rendered HTML, and the
          // store is bundled into the build (at 10,000 documents the sources were a third of it).
          context.store.set({ id: data.id, data: { ...data, citations }, filePath: `${data.file}`, digest: digestOf(citations), rendered });
        }
        replaceEntries(context, new Set(documents.map((document) => document.id)));
      };
      await load();
      watchForChanges(context, load);
    },
  };
}
