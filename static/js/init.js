// Starts GOV.UK Frontend's components (menu toggle, error summary focus,
// notification banners) on every page.
import { initAll } from "/static/dist/govuk-frontend.min.js";

initAll();
