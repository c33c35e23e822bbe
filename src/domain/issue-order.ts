/**
 * The order of an archive's issues, oldest first: by year, then by the issue's number in that
 * year. The archive reader orders by it, and so does the site model when it puts the content
 * collections back together (Astro's data store keeps no order).
 */
export function compareIssues(a: { year: number; number: number }, b: { year: number; number: number }): number {
  return a.year - b.year || a.number - b.number;
}
