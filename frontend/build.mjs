// Builds static/dist from the npm packages: the site's stylesheet (GOV.UK
// Frontend in the council's own colours and a system font, so no crown,
// logo or Transport font), GOV.UK Frontend's script, and Leaflet for the map.
import { compile } from "sass";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "static", "dist");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = compile(join(root, "frontend", "app.scss"), {
  loadPaths: [modules],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(join(out, "app.css"), css.css);

const govuk = join(modules, "govuk-frontend", "dist", "govuk");
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(modules, "leaflet", "dist"), join(out, "leaflet"), {
  recursive: true,
  filter: (source) => !source.endsWith(".map") && !source.includes("leaflet-src"),
});
console.log(`Built ${out}`);
