/**
 * A render worker of render-pool.ts: renders document bodies with render-body.ts, through a
 * processor built once per worker from the pool's settings and number table.
 */
import Tinypool from 'tinypool';
import { bodyStore } from './body-store';
import { bodyRenderer, renderBody, type BodyResult, type MarkdownSettings, type Render } from './render-body';
import type { CitationTargets } from '../markdown/rehype-citations';

export interface RenderWorkerData {
  settings: MarkdownSettings;
  targets: CitationTargets;
  /** Astro's cache folder, which holds the body store. */
  cacheDir: string;
}

/** A body to render: its Markdown and its file. */
export interface RenderDocument {
  text: string;
  path: string;
}

/** A task is a batch of bodies (render-pool.ts, RENDER_BATCH); the results come in its order. */
export type RenderTask = RenderDocument[];

let renderer: Promise<Render> | undefined;

export default async function renderTask(documents: RenderTask): Promise<BodyResult[]> {
  const { settings, targets, cacheDir } = Tinypool.workerData as RenderWorkerData;
  renderer ??= bodyRenderer(settings, targets);
  const render = await renderer;
  const bodies = bodyStore(cacheDir);
  const results: BodyResult[] = [];
  for (const { text, path } of documents) results.push(await renderBody(render, bodies, text, path));
  return results;
}
