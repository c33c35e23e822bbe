/**
 * ASCII slugs for Chinese names (issuers, document types), for file names such as
 * feeds/issuer/zi-bo-shi-ren-min-zheng-fu-ban-gong-shi.xml: toneless pinyin, one syllable per
 * hyphenated part (pinyin-pro picks readings of polyphonic characters from their words: 银行 →
 * yin-hang), ü written v, Latin letters and digits kept, everything else dropped.
 *
 * A slug is a permalink, so it depends on the name only, except where two names read alike:
 * then the name later in code-point order gets -2, -3, … (see uniqueSlugs).
 */
import { pinyin } from 'pinyin-pro';

export function pinyinSlug(name: string): string {
  const slug = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A name of symbols only still needs a stable, distinct file name.
  return slug || `u${[...name].map((char) => char.codePointAt(0)!.toString(16)).join('-')}`;
}

/** Slugs for a set of names, unique among them; the same names always get the same slugs. */
export function uniqueSlugs(names: Iterable<string>): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  const sorted = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of sorted) {
    const base = pinyinSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(name, slug);
  }
  return slugs;
}
