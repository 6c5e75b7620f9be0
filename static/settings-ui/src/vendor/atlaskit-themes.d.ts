/** The token CSS of one Atlaskit theme, as @atlaskit/tokens ships it (a string per file). */
declare module '@atlaskit/tokens/dist/esm/artifacts/themes/*' {
  const css: string;
  export default css;
}
