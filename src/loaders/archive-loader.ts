/**
 * Astro content-layer loaders over the archive reader. The whole archive is read and
 * validated once per build (cross-document rules need all of it); each collection then
 * stores its part. Document bodies are rendered with the project's Markdown processor and
 * re-rendered only when their digest changes; the HTML is kept in the body store beside Astro's
 * data store (src/lib/content/body-store.ts), the data store keeps its hash.
 */
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readArchive, type Archive } from '../lib/content/archive';
import { ContentError, formatProblem } from '../lib/content/errors';
import { siteSettings } from '../site-settings';
import { documentPath } from '../lib/site-model';
import { bodyStore } from '../lib/content/body-store';
import { lookupContext } from '../lib/number-lookup';
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
        const { documents, gazette } = result.archive;
        const paths = documents.map((d) => ({ ...d, path: documentPath(d.id) }));
        setCitationTargets(citationTargets(paths, context.config.base, lookupContext(gazette.name)));
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

/** What a Markdown plugin reported when rendering failed (a VFileMessage has its position). */
function renderFailure(error: unknown): { reason: string; line?: number; column?: number } {
  const { reason, line, column } = error as { reason?: string; line?: number; column?: number };
  return { reason: reason ?? (error as Error).message, line, column };
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
        let rendered;
        try {
          rendered = gazette.about ? await context.renderMarkdown(gazette.about) : undefined;
        } catch (error) {
          const { reason, line, column } = renderFailure(error);
          const where = line ? ` (line ${line}${column ? `, column ${column}` : ''} of the text)` : '';
          throw new Error(`${gazette.file}: about${where}: ${reason}`, { cause: error });
        }
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
        const bodies = bodyStore(fileURLToPath(context.config.cacheDir));
        const used = new Set<string>();
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
          const fileURL = new URL(data.file, context.config.root);
          let rendered;
          try {
            rendered = await context.renderMarkdown(body, { fileURL });
          } catch (error) {
            const { reason, line, column } = renderFailure(error);
            const at = line ? `${data.bodyLine + line - 1}${column ? `:${column}` : ''}` : `${data.bodyLine}`;
            throw new Error(`${data.file}:${at}: body: ${reason}`, { cause: error });
          }
          const citations = reportedCitations(rendered.metadata);
          // Astro bundles its data store into the build: the store keeps the metadata and the
          // body's hash, the body goes to the body store (src/lib/content/body-store.ts).
          const bodyHash = bodies.write(rendered.html);
          used.add(bodyHash);
          context.store.set({ id: data.id, data: { ...data, citations, bodyHash }, filePath: `${data.file}`, digest: digestOf(citations, bodyHash) });
        }
        replaceEntries(context, new Set(documents.map((document) => document.id)));
        bodies.prune(used);
      };
      await load();
      watchForChanges(context, load);
    },
  };
}
