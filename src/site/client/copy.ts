/**
 * The document page's copy buttons (src/components/DocumentTools.astro): shown only where the
 * clipboard can be written, each copies its `data-copy` text and says so in the status line
 * beside it, which screen readers announce.
 */
const FAILED = '复制失败，请手动选择文字复制';

function statusLine(tools: HTMLElement): HTMLElement | null {
  return tools.querySelector<HTMLElement>('.doc-tools-status');
}

async function copy(button: HTMLButtonElement, tools: HTMLElement): Promise<void> {
  const text = button.dataset.copy ?? '';
  const line = statusLine(tools);
  try {
    await navigator.clipboard.writeText(text);
    // 复制文号 → 已复制文号
    if (line) line.textContent = `已${button.textContent?.trim() ?? ''}`;
  } catch {
    if (line) line.textContent = FAILED;
  }
}

// navigator.clipboard exists only in secure contexts (https, localhost): elsewhere the
// buttons stay hidden, as without JavaScript.
if (navigator.clipboard) {
  for (const tools of document.querySelectorAll<HTMLElement>('[data-copy-tools]')) {
    tools.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy]');
      if (button) void copy(button, tools);
    });
    tools.hidden = false;
  }
}

// A module, so that its names stay out of the global scope the other client scripts share.
export {};
