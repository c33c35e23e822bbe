/** Test-only stand-in for the "content is data" refusal: see astro-unchecked.config.mjs. */
export default function remarkContentUnchecked() {}
