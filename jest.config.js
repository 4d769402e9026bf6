// `npm test` and `npx jest`: every test but the *.full.test.ts ones (see jest.full.config.js).
// ts-jest compiles each file on its own (tsconfig.jest.json: isolatedModules): types are checked
// once by `npm run typecheck`, and a cold run is much faster.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "\\.full\\.test\\.ts$"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls an ESM-only dependency through office-addin-manifest; the mock does not need it.
    "^office-addin-manifest$": "<rootDir>/test/stubs/officeAddinManifest.js",
  },
  testTimeout: 30000,
  // Every core: jest's default (cores - 1) runs the whole suite in one process on a 2-core machine.
  maxWorkers: "100%",
  reporters: ["default", "<rootDir>/test/summaryReporter.js"],
};
