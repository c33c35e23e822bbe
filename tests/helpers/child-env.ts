/**
 * The environment for a process a test starts: the test's own, with the given variables
 * changed. Tests reach the environment through here so that, in src/, only the config module
 * (src/config/env.ts) reads it.
 */
export function childEnv(changes: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...changes };
}
