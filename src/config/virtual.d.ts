declare module 'virtual:gazette/config' {
  /** What pages and the content loader read of the configuration `gazette()` parsed (src/config/index.ts). */
  const settings: import('./virtual-module').PageSettings;
  export default settings;
  export const command: import('./virtual-module').GazetteBuildContext['command'];
}
