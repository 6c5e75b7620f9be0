/**
 * Stands in for `@atlaskit/feature-gate-js-client` (Atlassian's Statsig client, ~55 KB gzip) in
 * this build. Atlaskit components ask it for their rollout flags; inside a Forge iframe nobody
 * initialises it, and an uninitialised client answers every gate `false` and every experiment
 * with its default, which is exactly what this does. Wired up in vite.config.mts.
 */
const FeatureGates = {
  initializeCompleted: (): boolean => false,
  checkGate: (_gateName: string): boolean => false,
  getExperimentValue: <T>(_experimentName: string, _parameterName: string, defaultValue: T): T =>
    defaultValue,
  hasCheckGateErrorOccurred: false,
  hasGetExperimentValueErrorOccurred: false,
};

export default FeatureGates;
