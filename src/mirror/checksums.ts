/**
 * SHA256SUMS in the format of GNU coreutils' `sha256sum` (`sha256sum -c SHA256SUMS` checks a
 * copy): one `<hex digest>  <path>` line a file, in code-point order of the paths. A path
 * with a backslash or a line break is written the way sha256sum itself writes it: the line
 * starts with `\` and those characters are escaped.
 */
import { createHash } from 'node:crypto';

/** A file by its data, or by its SHA-256 digest (hex) when the data is no longer at hand. */
export type ChecksumFile = { path: string } & ({ data: Uint8Array } | { sha256: string });

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function manifestLine(path: string, digest: string): string {
  if (!/[\\\n\r]/u.test(path)) return `${digest}  ${path}`;
  const escaped = path.replace(/\\/gu, '\\\\').replace(/\n/gu, '\\n').replace(/\r/gu, '\\r');
  return `\\${digest}  ${escaped}`;
}

export function sha256sums(files: readonly ChecksumFile[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => `${manifestLine(file.path, 'sha256' in file ? file.sha256 : sha256Hex(file.data))}\n`)
    .join('');
}
