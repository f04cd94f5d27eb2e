// The asset map: markers from the site's own GeoJSON, on the council's tiles
// when a tile server is configured, or on a plain background when not. The
// list beside it stays the way to reach every asset by keyboard or screen
// reader; the map is an extra view of the same thing.
/* global L */
function assetMap(element) {
  const map = L.map(element, { scrollWheelZoom: false, attributionControl: true });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution || "",
    }).addTo(map);
  }
  const layers = L.featureGroup().addTo(map);
  const outlines = document.getElementById(element.dataset.outlines || "");
  if (outlines) {
    L.geoJSON(JSON.parse(outlines.textContent), {
      style: { color: "#1d4f91", weight: 2, fillOpacity: 0.05 },
    }).addTo(layers);
  }
  const popup = (feature) => {
    const box = document.createElement("div");
    const link = document.createElement("a");
    link.href = `/assets/${feature.id}/`;
    link.textContent = feature.properties.name;
    const kind = document.createElement("p");
    kind.textContent = feature.properties.kind;
    box.append(link, kind);
    return box;
  };
  fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then((response) => response.json())
    .then((data) => {
      L.geoJSON(data, {
        pointToLayer: (feature, point) =>
          L.circleMarker(point, { radius: 7, color: "#0b0c0c", weight: 2, fillColor: "#1d4f91", fillOpacity: 0.9 }),
        onEachFeature: (feature, layer) => layer.bindPopup(popup(feature)),
      }).addTo(layers);
      const count = data.features.length;
      element.setAttribute("aria-label", `Map of ${count} community asset${count === 1 ? "" : "s"}`);
      if (layers.getLayers().length && layers.getBounds().isValid()) {
        map.fitBounds(layers.getBounds(), { padding: [20, 20], maxZoom: 16 });
      } else {
        map.setView([52.4, -1.5], 12);
      }
      element.dataset.ready = String(count);
    })
    .catch(() => {
      element.textContent = "The map could not be loaded. Every asset is in the list below.";
    });
}

document.querySelectorAll("[data-asset-map]").forEach(assetMap);
