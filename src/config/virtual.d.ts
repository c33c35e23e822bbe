declare module 'virtual:gazette/config' {
  /** The configuration `gazette()` parsed (src/config/index.ts). */
  const config: import('./index').GazetteConfig;
  export default config;
  export const command: import('./virtual-module').GazetteBuildContext['command'];
}
