// `npm run test:full`: the slow or tool-dependent checks `npm test` leaves out (the 100,000-row
// corpus case, the LibreOffice rendering). CI runs both.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.full.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
};
