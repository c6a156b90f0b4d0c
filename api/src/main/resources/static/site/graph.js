// Lineage drawn with Cytoscape: the family graph of a model page and the path page.
// Data comes as JSON from the API named in the container's data-* attribute; nothing is inlined in the page.
(function () {
  'use strict';
  // The page's language: sentences come from the footer's data-text-* attributes, {0} filled in.
  const text = (key, ...args) => {
    const footer = document.querySelector('.site-footer');
    const template = (footer && footer.dataset['text' + key]) || key;
    return template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  };
  const css = getComputedStyle(document.documentElement);
  const status = document.getElementById('graph-status');

  function colour(relation) {
    const name = '--rel-' + (relation || 'root').toLowerCase().replace(/_/g, '-');
    return css.getPropertyValue(name).trim() || '#7a7a7a';
  }

  function modelHref(id) {
    return '/models/' + id.split('/').map(encodeURIComponent).join('/');
  }

  // Size grows with downloads on a log scale: 22 px for none, about 70 px for a hundred million.
  function size(downloads) {
    return Math.round(22 + 6 * Math.log10((downloads || 0) + 1));
  }

  // An inferred link (sources holds "inferred", with a confidence) is dashed; declared links are solid.
  function inferred(link) {
    return (link.sources || []).includes('inferred');
  }

  const STYLE = [
    { selector: 'node', style: {
      'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', shape: 'ellipse',
      label: 'data(label)', 'font-size': 11, color: '#1d1d1f', 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-wrap': 'ellipsis', 'text-max-width': 130, 'min-zoomed-font-size': 7,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
      'border-width': 1, 'border-color': '#ffffff' } },
    { selector: 'node[?catalogued]', style: { shape: 'round-rectangle', 'border-width': 2, 'border-color': '#1d1d1f' } },
    { selector: 'node[role = "self"]', style: { 'border-width': 5, 'border-color': '#f2a900', 'font-weight': 'bold', 'font-size': 13 } },
    { selector: 'node:active, node:selected', style: { 'overlay-opacity': 0.15 } },
    { selector: 'edge', style: {
      width: 1.5, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8, 'curve-style': 'straight', opacity: 0.75 } },
    { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge[?licenseChange]', style: {
      width: 3, label: 'data(licenseLabel)', 'font-size': 9, color: '#6e4b00', 'text-rotation': 'autorotate',
      'text-background-color': '#fff4d6', 'text-background-opacity': 0.9, 'text-background-padding': 1,
      'line-style': 'double', opacity: 1 } },
    { selector: 'edge[?licenseConflict]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', color: '#c62828' } },
  ];

  // Generations: the server's for a family graph (the model at 0, ancestors above, descendants below); otherwise,
  // and for the other parents of merges, one above the highest child, roots of a path on top.
  function generations(nodes, links) {
    const gen = new Map();
    nodes.forEach((n) => { if (n.generation != null) { gen.set(n.id, n.generation); } });
    const parentsOf = new Map();
    links.forEach((l) => { (parentsOf.get(l.child) || parentsOf.set(l.child, []).get(l.child)).push(l.parent); });
    const placing = new Set();
    function place(id) {
      if (gen.has(id)) { return gen.get(id); }
      if (placing.has(id)) { return 0; } // a cycle in dirty data: stop here
      placing.add(id);
      const above = (parentsOf.get(id) || []).map(place);
      gen.set(id, above.length ? Math.max(...above) + 1 : 0);
      return gen.get(id);
    }
    const given = new Set(gen.keys());
    links.forEach((l) => {
      if (!given.has(l.parent) && given.has(l.child)) {
        gen.set(l.parent, Math.min(gen.get(l.child) - 1, gen.has(l.parent) ? gen.get(l.parent) : Infinity));
      }
    });
    nodes.forEach((n) => place(n.id));
    return gen;
  }

  // A layered layout: one band per generation, parents above children, each band ordered by where its
  // parents stand; a band too wide for the screen wraps into staggered rows so a family of hundreds stays readable.
  function positions(nodes, links) {
    const gen = generations(nodes, links);
    const parentsOf = new Map();
    links.forEach((l) => { (parentsOf.get(l.child) || parentsOf.set(l.child, []).get(l.child)).push(l.parent); });
    const layers = new Map();
    nodes.forEach((n) => { const g = gen.get(n.id); (layers.get(g) || layers.set(g, []).get(g)).push(n); });
    const perRow = Math.max(8, Math.ceil(Math.sqrt(nodes.length) * 1.6));
    const x = new Map();
    const at = {};
    let y = 0;
    Array.from(layers.keys()).sort((a, b) => a - b).forEach((g) => {
      const layer = layers.get(g);
      const key = (n) => { const xs = (parentsOf.get(n.id) || []).filter((p) => x.has(p)).map((p) => x.get(p));
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0; };
      layer.sort((a, b) => key(a) - key(b) || (b.downloads || 0) - (a.downloads || 0));
      const rows = Math.ceil(layer.length / perRow);
      const width = Math.min(layer.length, perRow);
      layer.forEach((n, i) => {
        const row = i % rows;
        const column = Math.floor(i / rows);
        const px = (column - (Math.ceil(layer.length / rows) - 1) / 2) * 150 + (rows > 1 ? (row % 2) * 40 : 0);
        x.set(n.id, px);
        at[n.id] = { x: px, y: y + row * 70 };
      });
      y += (rows - 1) * 70 + (width > 0 ? 130 : 0);
    });
    return at;
  }

  // Edges point from parent to child: roots on top, generations below.
  function draw(container, nodes, links, started, caption, licenseChanges) {
    // A node takes the colour of how it was made from its parent in this lineage (not from a merge's other parent).
    const coParents = new Set(nodes.filter((n) => n.role === 'co-parent').map((n) => n.id));
    const relationOf = new Map();
    links.filter((l) => !coParents.has(l.parent)).concat(links).forEach((l) => {
      if (!relationOf.has(l.child)) {
        relationOf.set(l.child, l.relation);
      }
    });
    const at = positions(nodes, links);
    const elements = nodes.map((n) => ({ group: 'nodes', position: at[n.id], data: {
      id: n.id, label: n.name || n.id, size: size(n.downloads), colour: colour(relationOf.get(n.id)),
      catalogued: !!n.catalogued, role: n.role || 'path' } }));
    // Links where the licence changes are marked with both licences; red where the child's drops the parent's terms.
    const changed = new Map((licenseChanges || []).map((c) => [c.child + '\u0000' + c.parent, c]));
    links.forEach((l, i) => {
      const change = changed.get(l.child + '\u0000' + l.parent);
      elements.push({ group: 'edges', data: {
        id: 'e' + i, source: l.parent, target: l.child, colour: colour(l.relation), inferred: inferred(l),
        licenseChange: !!change, licenseLabel: change ? change.parentLicense + ' \u2192 ' + change.childLicense : '',
        licenseConflict: !!change && change.verdict === 'conflict' } });
    });
    const fetched = performance.now();
    const cy = cytoscape({
      container: container, elements: elements, style: STYLE,
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3,
      textureOnViewport: nodes.length > 300, hideEdgesOnViewport: nodes.length > 600,
    });
    cy.on('tap', 'node', (event) => window.location.assign(modelHref(event.target.id())));
    cy.on('mouseover', 'node', () => { container.classList.add('pointing'); });
    cy.on('mouseout', 'node', () => { container.classList.remove('pointing'); });
    container.cy = cy; // for the browser tests: they click a node where Cytoscape drew it
    // Refit when the box changes size (a phone turned, a window resized), unless the reader has zoomed or panned.
    let moved = false;
    cy.on('viewport', (event) => { if (event.originalEvent) { moved = true; } });
    let width = container.clientWidth;
    new ResizeObserver(() => requestAnimationFrame(() => {
      if (container.clientWidth !== width) {
        width = container.clientWidth;
        cy.resize();
        if (!moved) {
          cy.fit(undefined, 30);
        }
      }
    })).observe(container);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const drawn = performance.now();
      container.dataset.nodes = String(cy.nodes().length);
      container.dataset.licenseChanges = String(cy.edges('[?licenseChange]').length);
      container.dataset.fetchMs = String(Math.round(fetched - started));
      container.dataset.drawMs = String(Math.round(drawn - fetched));
      container.dataset.totalMs = String(Math.round(drawn - started));
      if (status) {
        status.textContent = caption + ' ' + text('GraphDrawn', Math.round(drawn - started));
      }
    }));
  }

  async function json(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(text('ApiAnswered', response.status));
    }
    return response.json();
  }

  function failed(error) {
    if (status) {
      status.textContent = text('GraphFailed', error.message);
    }
  }

  const family = document.getElementById('lineage-graph');
  if (family) {
    const started = performance.now();
    json(family.dataset.graphUrl).then((g) => {
      const total = g.descendants.toLocaleString('en');
      const caption = g.shown === g.descendants
        ? (g.descendants === 0 ? text('GraphNone', g.depth) : text('GraphAll', total, g.depth))
        : text('GraphSome', g.shown.toLocaleString('en'), total, g.depth);
      draw(family, g.nodes, g.links, started, caption + ' ' + text('GraphModels', g.nodes.length), g.licenseChanges);
    }).catch(failed);
  }

  const path = document.getElementById('path-graph');
  if (path) {
    const started = performance.now();
    json(path.dataset.pathUrl).then((p) => draw(path, p.nodes, p.links, started,
      p.length + (p.length === 1 ? ' link.' : ' links.'))).catch(failed);
  }
})();
