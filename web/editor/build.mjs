// Bundles src/index.js into one classic script, dist/veristep-editor.js, that
// defines globalThis.VeristepEditor. Usage: npm run build
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));

try {
  const result = await build({
    entryPoints: [join(here, "src/index.js")],
    outfile: join(here, "dist/veristep-editor.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
    banner: {
      js: "/* veristep-editor: CodeMirror 6 (MIT, Marijn Haverbeke and others) bundled for veristep */",
    },
  });
  if (result.errors.length > 0) process.exit(1);
} catch (e) {
  // esbuild has already printed the errors
  process.exit(1);
}
