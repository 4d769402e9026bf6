#!/usr/bin/env node
"use strict";
const cli = require("../build/cli/src/cli/main.js");
cli.tolerateClosedPipe(process.stdout);
cli.tolerateClosedPipe(process.stderr);
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
