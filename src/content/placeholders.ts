/**
 * Placeholders that `npm run new` and `npm run import` write where they cannot know a value. They are valid text
 * for the schema, so a filled-in file passes as soon as each is replaced, and the archive
 * reader refuses any that remain, so a half-filled document is never published.
 */

const PLACEHOLDER = /【待填写(?:：([^】\n]*))?】/gu;

/** `【待填写：发文机关】`: what the editor must write, named in the placeholder itself. */
export function placeholder(what: string): string {
  return `【待填写：${what}】`;
}

export interface FoundPlaceholder {
  text: string;
  /** What to write instead, as named in the placeholder (may be empty). */
  what: string;
  /** Offset in the searched text. */
  index: number;
}

export function findPlaceholders(text: string): FoundPlaceholder[] {
  if (!text.includes('【待填写')) return [];
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ text: match[0], what: match[1] ?? '', index: match.index }));
}

/** Every string in a parsed YAML value holding a placeholder, with its field path. */
export function placeholdersInValue(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; found: FoundPlaceholder }[] {
  if (typeof value === 'string') return findPlaceholders(value).map((found) => ({ path, found }));
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholdersInValue(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => placeholdersInValue(item, [...path, key]));
  }
  return [];
}

export function placeholderMessage(found: FoundPlaceholder): string {
  const what = found.what ? ` with the ${found.what}` : '';
  return `placeholder ${found.text} left by \`npm run new\` or \`npm run import\`: replace it${what}`;
}
