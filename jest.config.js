/** Unit, integration, sandbox and end-to-end tests run as separate jest projects. */
const transform = {
  '^.+\\.tsx?$': 'ts-jest',
  // jose ships only ES modules; jest's require() takes them only under --experimental-vm-modules.
  '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true } }],
};
const project = (displayName, roots, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  roots,
  transform,
  testMatch: ['**/*.test.ts'],
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  ...extra,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/test/unit']),
    project('dev', ['<rootDir>/test/dev']),
    project('integration', ['<rootDir>/test/integration']),
    project('e2e', ['<rootDir>/test/e2e']),
    // Real Chromium (Debian's) against the sandbox; see test/support/browser.ts.
    project('browser', ['<rootDir>/test/browser']),
  ],
};
