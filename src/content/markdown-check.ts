/**
 * What the build's Markdown processor would say about a text, without rendering it: the limits
 * of body-limits.ts, then the same parse as Astro's (remark-parse and remark-gfm) and the
 * project's remark plugins (gazetteMarkdownPlugins, src/markdown/markdown-pipeline.ts). Every message a plugin reports
 * through the VFile becomes a problem: fatal ones (thrown, or marked fatal) are errors, since
 * they stop the build's render; others are warnings. So a plugin added to the list is enforced
 * by `npm run check` without further wiring.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { gazetteMarkdownPlugins } from '../markdown/markdown-pipeline';
import { bodyLimitProblems } from './body-limits';
import { positionAt } from './yaml-source';

export interface MarkdownProblem {
  /** 1-based, in the text. */
  line: number;
  column: number;
  message: string;
  severity?: 'warning';
}

const REMARK_PLUGINS = gazetteMarkdownPlugins().remarkPlugins;

/** Problems of a Markdown text, in text order; `plugins` defaults to the project's list. */
export function markdownProblems(text: string, plugins: PluggableList = REMARK_PLUGINS): MarkdownProblem[] {
  const limits = bodyLimitProblems(text);
  if (limits.length > 0) return limits.map(({ index, message }) => ({ ...positionAt(text, index), message }));
  const file = new VFile(text);
  const processor = unified().use(remarkParse).use(remarkGfm).use(plugins);
  try {
    processor.runSync(processor.parse(file), file);
  } catch (error) {
    if (!file.messages.includes(error as never)) {
      const { reason, line, column } = error as { reason?: string; line?: number; column?: number };
      // A throw that is not a VFile message (a plugin's bug, a stack overflow) fails the render too.
      Object.assign(file.message(reason ?? String((error as Error).message ?? error)), { line, column, fatal: true });
    }
  }
  return file.messages
    .map((message) => ({
      line: message.line ?? 1,
      column: message.column ?? 1,
      message: message.reason,
      ...(message.fatal ? {} : { severity: 'warning' as const }),
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
