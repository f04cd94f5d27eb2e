// The asset map: markers from the site's own GeoJSON, on the council's tiles
// when a tile server is configured, or on a plain background when not. The
// list beside it stays the way to reach every asset by keyboard or screen
// reader; the map is an extra view of the same thing, so it stays hidden
// (by the `hidden` attribute in the page) unless this script runs.
/* global L */
const FALLBACK_CENTRE = [52.4, -1.5];

function popupFor(feature) {
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.className = "govuk-link";
  link.href = feature.properties.url;
  link.textContent = feature.properties.name;
  const kind = document.createElement("p");
  kind.className = "govuk-body-s govuk-!-margin-bottom-0";
  kind.textContent = feature.properties.kind;
  box.append(link, kind);
  return box;
}

function assetMap(element) {
  if (typeof L === "undefined") return; // Leaflet did not load: the list is enough.
  element.hidden = false; // Leaflet measures the box, so show it first.
  const map = L.map(element, { scrollWheelZoom: false });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution || "",
    }).addTo(map);
  }
  const layers = L.featureGroup().addTo(map);
  // The neighbourhood's outline, when the page has one, gives the map its
  // bounds even on a plain background and with no located assets.
  const outlines = document.getElementById(element.dataset.outlines || "");
  if (outlines) {
    L.geoJSON(JSON.parse(outlines.textContent), {
      style: { color: "#1d4f91", weight: 2, fillOpacity: 0.05 },
    }).addTo(layers);
  }
  const fit = () => {
    if (layers.getLayers().length && layers.getBounds().isValid()) {
      map.fitBounds(layers.getBounds(), { padding: [20, 20], maxZoom: 16 });
    } else {
      map.setView(FALLBACK_CENTRE, 12);
    }
  };
  fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then((response) => {
      if (!response.ok) throw new Error(`GeoJSON answered ${response.status}`);
      return response.json();
    })
    .then((data) => {
      L.geoJSON(data, {
        pointToLayer: (feature, point) =>
          L.circleMarker(point, {
            radius: 7,
            color: "#0b0c0c",
            weight: 2,
            fillColor: "#1d4f91",
            fillOpacity: 0.9,
          }),
        onEachFeature: (feature, layer) => layer.bindPopup(popupFor(feature)),
      }).addTo(layers);
      const count = data.features.length;
      element.setAttribute(
        "aria-label",
        `Map of ${count} community asset${count === 1 ? "" : "s"} with a location`,
      );
      fit();
      element.dataset.ready = String(count);
    })
    .catch(() => {
      map.remove();
      element.className = "govuk-inset-text";
      element.textContent = "The map could not be loaded. Every asset is in the list.";
    });
}

document.querySelectorAll("[data-asset-map]").forEach(assetMap);
