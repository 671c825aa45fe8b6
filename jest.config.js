// Two projects: fast unit/adapter/end-to-end tests, and browser tests in Debian's Chromium.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }]; // transpile only: tsconfig has isolatedModules; `npm run typecheck` checks types
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/shims/office-addin-manifest.js' },
};
module.exports = {
  // Timing is measured by `npm run bench`, never by a test: the default 5 s is too short for an action test that writes
  // a package several times on a shared CI machine.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
      testPathIgnorePatterns: ['/test/browser/'],
    },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
