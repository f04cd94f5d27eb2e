// Builds static/dist from the npm packages: the site's stylesheet (GOV.UK
// Frontend in the council's own colours and a system font, so no crown,
// logo or Transport font), GOV.UK Frontend's script, Leaflet for the map and
// Chart.js for the report charts.
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

// Every file a built file refers to is copied beside it (the source maps
// the scripts name, the images the stylesheets name): collectstatic's
// manifest storage refuses a release with a reference it cannot resolve.
const govuk = join(modules, "govuk-frontend", "dist", "govuk");
for (const name of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  cpSync(join(govuk, name), join(out, name));
}
cpSync(join(govuk, "assets", "images"), join(out, "govuk", "images"), { recursive: true });
cpSync(join(modules, "leaflet", "dist"), join(out, "leaflet"), {
  recursive: true,
  filter: (source) => !source.includes("leaflet-src"),
});
const chart = join(modules, "chart.js", "dist");
for (const name of ["chart.umd.min.js", "chart.umd.min.js.map"]) {
  cpSync(join(chart, name), join(out, "chartjs", name), { recursive: true });
}
console.log(`Built ${out}`);
