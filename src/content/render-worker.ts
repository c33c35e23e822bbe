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

export interface RenderTask {
  text: string;
  path: string;
}

let renderer: Promise<Render> | undefined;

export default async function renderTask({ text, path }: RenderTask): Promise<BodyResult> {
  const { settings, targets, cacheDir } = Tinypool.workerData as RenderWorkerData;
  renderer ??= bodyRenderer(settings, targets);
  return renderBody(await renderer, bodyStore(cacheDir), text, path);
}
