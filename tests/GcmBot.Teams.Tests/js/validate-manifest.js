// Validates Teams app manifests with Microsoft's validator (@microsoft/app-manifest) against the schema it ships for
// each manifest's $schema version, offline. Arguments: manifest files. Prints {"<file>": ["<error>", ...]} as JSON.
"use strict";
const fs = require("fs");
const { AppManifestUtils } = require("@microsoft/app-manifest");

(async () => {
  const results = {};
  for (const file of process.argv.slice(2)) {
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    results[file] = await AppManifestUtils.validateAgainstSchema(manifest);
  }
  console.log(JSON.stringify(results));
})().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(2);
});
