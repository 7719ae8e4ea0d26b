// Builds the web chat page into dist/ (flat: index.html, app.js, app.css, icon.svg), so that
// channels/webchat.py can serve it and the page loads nothing from another origin.
//   npm ci --prefix web && npm run build --prefix web
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
const dist = join(here, "dist");

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const common = { bundle: true, minify: true, legalComments: "eof", logLevel: "info" };
await esbuild.build({
  ...common,
  entryPoints: [join(src, "main.js")],
  outfile: join(dist, "app.js"),
  format: "iife",
  target: ["es2020"],
  platform: "browser",
});
await esbuild.build({
  ...common,
  entryPoints: [join(src, "app.css")],
  outfile: join(dist, "app.css"),
  target: ["chrome100", "firefox100", "safari15"],
});
for (const file of ["index.html", "icon.svg"]) {
  await copyFile(join(src, file), join(dist, file));
}
console.log(`Built ${dist}`);
