// Draws each report's chart with Chart.js from the numbers the page carries
// in json_script. The table beside each chart holds the same numbers, so a
// chart that does not draw loses nothing; the canvas is one image named by
// the report's summary for screen readers.
(function () {
  var source = document.getElementById("report-charts");
  if (!source || typeof window.Chart === "undefined") return;
  var drawings = JSON.parse(source.textContent);
  // GOV.UK colours that keep 3:1 contrast against white and each other.
  var colours = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#505a5f"];

  function tick(unit) {
    return function (value) {
      if (unit === "£") return "£" + Number(value).toLocaleString("en-GB");
      if (unit === "%") return value + "%";
      return value;
    };
  }

  Object.keys(drawings).forEach(function (key) {
    var canvas = document.getElementById("chart-" + key);
    if (!canvas) return;
    var drawing = drawings[key];
    var horizontal = drawing.kind === "horizontal";
    var datasets = drawing.series.map(function (series, index) {
      var colour = colours[index % colours.length];
      var set = {
        label: series.label,
        data: series.data,
        backgroundColor: colour,
        borderColor: colour,
        spanGaps: false,
      };
      // A second measure (deprivation beside money) has its own axis.
      if (series.line) {
        set.type = "line";
        set.yAxisID = "second";
        set.fill = false;
      }
      return set;
    });
    var scales = {};
    scales[horizontal ? "x" : "y"] = { beginAtZero: true, ticks: { callback: tick(drawing.unit) } };
    if (drawing.series.some(function (s) { return s.line; })) {
      scales.second = { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } };
    }
    new window.Chart(canvas, {
      type: drawing.kind === "line" ? "line" : "bar",
      data: { labels: drawing.labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? "y" : "x",
        animation: false,
        responsive: true,
        scales: scales,
        plugins: { legend: { position: "bottom" } },
      },
    });
    canvas.closest("figure").setAttribute("data-drawn", "true");
  });
})();
