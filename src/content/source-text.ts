/**
 * Decoding an editor's file. Content must be UTF-8 without BOM, with LF line endings: mixed
 * encodings and line endings make diffs unreadable and break byte-for-byte reproducibility,
 * so each is reported with its fix rather than silently repaired.
 */
export const MAX_CONTENT_FILE_BYTES = 2 * 1024 * 1024;

/** Why a file of `size` bytes is refused, or null. */
export function sizeProblem(size: number): string | null {
  return size > MAX_CONTENT_FILE_BYTES
    ? `the file is ${size} bytes, more than the ${MAX_CONTENT_FILE_BYTES} allowed; split the document or move large tables into attachments`
    : null;
}

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; message: string };

export function decodeContentFile(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, line: 0, column: 0, message: 'the file is empty' };
  const tooLarge = sizeProblem(bytes.length);
  if (tooLarge) return { ok: false, line: 0, column: 0, message: tooLarge };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: false, line: 1, column: 1, message: 'the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const badOffset = firstInvalidUtf8Offset(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, badOffset));
    const line = before.split('\n').length;
    return {
      ok: false,
      line,
      column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1,
      message: 'the file is not valid UTF-8 (GBK or GB 2312?); convert it to UTF-8, e.g. `iconv -f GBK -t UTF-8`',
    };
  }
  const crlf = text.indexOf('\r');
  if (crlf !== -1) {
    return {
      ok: false,
      line: text.slice(0, crlf).split('\n').length,
      column: crlf - text.lastIndexOf('\n', crlf),
      message: 'the file has Windows (CRLF) or CR line endings; convert them to LF (e.g. `dos2unix`, or set git core.autocrlf=input)',
    };
  }
  if (text.trim() === '') return { ok: false, line: 0, column: 0, message: 'the file holds only white space' };
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const at = control.index;
    const code = control[0].codePointAt(0)!;
    return {
      ok: false,
      line: text.slice(0, at).split('\n').length,
      column: [...text.slice(text.lastIndexOf('\n', at - 1) + 1, at)].length + 1,
      message: `invisible control character U+${code.toString(16).toUpperCase().padStart(4, '0')} in the text; delete it (it is not allowed in the site's XML feeds and breaks search)`,
    };
  }
  return { ok: true, text };
}

/**
 * Characters XML 1.0 forbids (C0 controls but tab and line feed; U+FFFE, U+FFFF) and the
 * other controls (DEL, C1), which no printed text has: they come from pasted binary or bad
 * conversions. Carriage returns are reported above, with their own fix.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/u;

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Walks the bytes as UTF-8 sequences; the first lead byte whose sequence does not decode is
  // where the problem starts (decoding prefixes by bisection fails on cut characters).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset];
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length === 0) return offset;
    try {
      decoder.decode(bytes.subarray(offset, offset + length));
    } catch {
      return offset;
    }
    offset += length;
  }
  return offset;
}

export interface Frontmatter {
  yaml: string;
  /** Line of the file on which the YAML starts, minus one (to shift YAML positions). */
  yamlLineOffset: number;
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

/** Splits `---\n<yaml>\n---\n<body>`; null when the file has no frontmatter block. */
export function splitFrontmatter(text: string): Frontmatter | null {
  if (!text.startsWith('---\n')) return null;
  const close = /^---[ \t]*$/m;
  const rest = text.slice(4);
  const match = close.exec(rest);
  if (!match) return null;
  const yaml = rest.slice(0, match.index);
  const afterClose = rest.slice(match.index + match[0].length).replace(/^\n/, '');
  const yamlLines = yaml.split('\n').length - 1;
  return { yaml, yamlLineOffset: 1, body: afterClose, bodyLine: 2 + yamlLines + 1 };
}
