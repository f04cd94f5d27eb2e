// Tells GOV.UK Frontend's styles that JavaScript runs, and whether its
// components are supported, before the page is first drawn, so nothing
// jumps. GOV.UK's snippet for this is an inline script, which the site's
// Content-Security-Policy refuses: base.html loads this file in its place,
// first thing in <body> and without defer.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
