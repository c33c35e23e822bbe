/**
 * Document bodies rendered on every core: a pool of worker threads (tinypool), each running
 * render-worker.ts with the same Markdown settings and number table, so that a body comes out
 * the same bytes as on the loader's own thread (render-body.ts). Rendering Markdown is most
 * of the content sync (README, "Content sync on every core").
 *
 * A worker runs plain Node, which neither resolves the project's extensionless TypeScript
 * imports nor knows Vite's: the worker's module is bundled with esbuild (packages left to
 * node_modules) into node_modules/.gazette-render/, named by the hash of its code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Tinypool from 'tinypool';
import { bodyStore } from './body-store';
import { bodyRenderer, renderBody, type BodyResult, type MarkdownSettings } from './render-body';
import type { RenderDocument, RenderTask, RenderWorkerData } from './render-worker';
import type { CitationTargets } from '../markdown/rehype-citations';

/**
 * Fewer bodies than this are rendered on the loader's thread. Starting a worker costs about
 * 0.5 s of CPU (its thread, the Markdown packages, the processor: some 200 bodies' rendering)
 * and a worker spends about 15 % more on a body than the loader's thread (README, "Content
 * sync on every core"): on two cores workers gain from several hundred bodies on.
 */
export const MIN_BODIES_FOR_WORKERS = 1000;

/**
 * Bodies handed to a worker at once. For each task the pool makes a round trip between the
 * threads and the worker reads its memory use (tinypool's, for recycling workers): with one
 * body a task that was a tenth of a worker's profile (README, "Content sync on every core").
 * A batch this size leaves the last worker to finish a fraction of a second after the other.
 */
export const RENDER_BATCH = 20;

/** Worker threads for `bodies` bodies to render: none for a few, one a core otherwise (and none on one core). */
export function renderThreads(bodies: number, cores = availableParallelism()): number {
  return bodies < MIN_BODIES_FOR_WORKERS || cores < 2 ? 0 : cores;
}

export interface BodyRenderer {
  /** Renders the body of the file at `path` into the body store. */
  render(text: string, path: string): Promise<BodyResult>;
  /** Ends the workers. */
  close(): Promise<void>;
}

export interface BodyRendererOptions {
  settings: MarkdownSettings;
  targets: CitationTargets;
  /** Astro's cache folder, which holds the body store (body-store.ts). */
  cacheDir: string;
  /** The project's folder (its node_modules resolve the worker's packages). */
  root: string;
  /** Worker threads; 0 renders on this thread. */
  threads: number;
}

const WORKER_FOLDER = 'node_modules/.gazette-render';
const WORKER_SOURCE = fileURLToPath(new URL('./render-worker.ts', import.meta.url));

/** The worker's module as plain JavaScript, written once per version of its code; returns its path. */
async function workerModule(root: string): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = outputFiles[0]!.text;
  const dir = join(root, WORKER_FOLDER);
  const name = `render-worker-${createHash('sha256').update(code).digest('base64url').slice(0, 16)}.mjs`;
  const file = join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed: another build may be starting workers from it.
    const staging = `${file}.${process.pid}.tmp`;
    writeFileSync(staging, code);
    renameSync(staging, file);
    for (const old of readdirSync(dir)) if (old !== name && !old.endsWith('.tmp')) rmSync(join(dir, old), { force: true });
  }
  return file;
}

export async function bodyRendererFor({ settings, targets, cacheDir, root, threads }: BodyRendererOptions): Promise<BodyRenderer> {
  if (threads === 0) {
    const render = await bodyRenderer(settings, targets);
    const bodies = bodyStore(cacheDir);
    return { render: (text, path) => renderBody(render, bodies, text, path), close: async () => {} };
  }
  const workerData: RenderWorkerData = { settings, targets, cacheDir };
  const pool = new Tinypool({
    filename: await workerModule(root),
    minThreads: threads,
    maxThreads: threads,
    workerData,
  });
  // The bodies asked for in one turn of the event loop (the loader asks for all of them at
  // once) are sent in batches, in order.
  let queued: { document: RenderDocument; resolve: (result: BodyResult) => void; reject: (error: unknown) => void }[] = [];
  const send = () => {
    for (let start = 0; start < queued.length; start += RENDER_BATCH) {
      const batch = queued.slice(start, start + RENDER_BATCH);
      const task: RenderTask = batch.map(({ document }) => document);
      (pool.run(task) as Promise<BodyResult[]>).then(
        (results) => batch.forEach(({ resolve }, index) => resolve(results[index]!)),
        (error: unknown) => batch.forEach(({ reject }) => reject(error)),
      );
    }
    queued = [];
  };
  return {
    render: (text, path) =>
      new Promise<BodyResult>((resolve, reject) => {
        if (queued.length === 0) queueMicrotask(send);
        queued.push({ document: { text, path }, resolve, reject });
      }),
    close: () => pool.destroy(),
  };
}
