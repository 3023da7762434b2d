// kurilnet report: the interactive network view. Hand-written, no library,
// nothing fetched. Reads the JSON in #net-data; the SVG is already drawn.
(function () {
  'use strict';
  var svg = document.getElementById('net-svg');
  var dataEl = document.getElementById('net-data');
  if (!svg || !dataEl) return;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var D = JSON.parse(dataEl.textContent);
  var N = D.nodes, E = D.edges, S = D.sentences, DOCS = D.docs;
  // Node fields: 0 id, 1 label, 2 kind, 3 side, 4 from, 5 x, 6 y, 7 r, 8 evidence, 9 count, 10 dates, 11 community, 12 full label.
  var nodeEl = [], lblEl = [], edgeEl = [];
  svg.querySelectorAll('.node').forEach(function (el) { nodeEl[+el.getAttribute('data-i')] = el; });
  svg.querySelectorAll('.lbl').forEach(function (el) { lblEl[+el.getAttribute('data-i')] = el; });
  svg.querySelectorAll('.edge').forEach(function (el) { edgeEl[+el.getAttribute('data-i')] = el; });
  var adj = N.map(function () { return []; });
  E.forEach(function (e, k) { adj[e[0]].push(k); adj[e[1]].push(k); });
  var slider = document.getElementById('net-year');
  var yearLabel = document.getElementById('net-year-label');
  var search = document.getElementById('net-search');
  var info = document.getElementById('net-info');
  var tip = document.getElementById('net-tip');
  var count = document.getElementById('net-count');
  var searchLabels = svg.querySelector('.search-labels');
  var W = +svg.getAttribute('width'), H = +svg.getAttribute('height');
  var st = { year: Infinity, kindOff: {}, sideOff: {}, sel: null };
  var vis = new Uint8Array(N.length), evis = new Uint8Array(E.length);

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function show(el, on) { if (el) { var d = on ? '' : 'none'; if (el.style.display !== d) el.style.display = d; } }

  // Visibility: time, kind and side filters; an edge shows when both ends do and it is active.
  function update() {
    var shown = 0;
    for (var i = 0; i < N.length; i++) {
      var n = N[i];
      var on = (n[4] === null || n[4] <= st.year) && !st.kindOff[n[2]] && !st.sideOff[n[3]];
      vis[i] = on ? 1 : 0;
      if (on) shown++;
      show(nodeEl[i], on);
      show(lblEl[i], on);
      if (nodeEl[i]) nodeEl[i].classList.toggle('new', on && st.year !== Infinity && n[4] === st.year);
    }
    var eshown = 0;
    for (var k = 0; k < E.length; k++) {
      var e = E[k];
      var on2 = vis[e[0]] && vis[e[1]] && (e[3] === null || e[3] <= st.year);
      evis[k] = on2 ? 1 : 0;
      if (on2) eshown++;
      show(edgeEl[k], on2);
    }
    count.textContent = shown + ' of ' + N.length + ' nodes, ' + eshown + ' of ' + E.length + ' ties shown';
    runSearch();
    if (typeof zoomLabels === 'function' && W / vb.w >= 1.3) zoomLabels();
  }

  if (slider) {
    var maxYear = +slider.max;
    var setYear = function () {
      var y = +slider.value;
      st.year = y >= maxYear ? Infinity : y;
      yearLabel.textContent = st.year === Infinity ? 'all years' : 'up to ' + y;
      update();
    };
    slider.addEventListener('input', setYear);
    slider.addEventListener('change', setYear);
    var timer = null;
    var play = document.getElementById('net-play');
    play.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; play.textContent = '▶ replay'; return; }
      slider.value = slider.min; setYear();
      play.textContent = '❚❚ pause';
      timer = setInterval(function () {
        if (+slider.value >= maxYear) { clearInterval(timer); timer = null; play.textContent = '▶ replay'; return; }
        slider.value = +slider.value + 1; setYear();
      }, 600);
    });
  }
  document.querySelectorAll('#net input[data-kind]').forEach(function (cb) {
    cb.addEventListener('change', function () { st.kindOff[cb.getAttribute('data-kind')] = !cb.checked; update(); });
  });
  document.querySelectorAll('#net input[data-side]').forEach(function (cb) {
    cb.addEventListener('change', function () { st.sideOff[cb.getAttribute('data-side')] = !cb.checked; update(); });
  });

  // Search: matching nodes are ringed and labelled (a label is added where none was placed).
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    while (searchLabels.firstChild) searchLabels.removeChild(searchLabels.firstChild);
    var hits = 0;
    for (var i = 0; i < N.length; i++) {
      var n = N[i];
      var hit = q !== '' && vis[i] === 1 && (n[12].toLowerCase().indexOf(q) >= 0 || n[0].toLowerCase().indexOf(q) >= 0);
      if (nodeEl[i]) nodeEl[i].classList.toggle('hit', hit);
      if (lblEl[i]) lblEl[i].classList.toggle('hit', hit);
      if (hit) {
        hits++;
        if (!lblEl[i]) {
          var t = document.createElementNS(SVGNS, 'text');
          t.setAttribute('x', n[5] + n[7] + 3); t.setAttribute('y', n[6] + 4);
          t.setAttribute('font-size', '12'); t.setAttribute('data-i', i);
          t.setAttribute('paint-order', 'stroke'); t.setAttribute('stroke', '#fff'); t.setAttribute('stroke-width', '3');
          t.textContent = n[1];
          searchLabels.appendChild(t);
        }
      }
    }
    search.title = q ? hits + ' match(es)' : '';
    return hits;
  }
  search.addEventListener('input', function () { clearSel(); runSearch(); });
  search.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') return;
    for (var i = 0; i < N.length; i++) if (nodeEl[i] && nodeEl[i].classList.contains('hit')) { select(i); centre(i); break; }
  });

  // Pan and zoom by the viewBox.
  var vb = { x: 0, y: 0, w: W, h: H };
  function applyView() {
    svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h);
    if (!labelFrame) labelFrame = requestAnimationFrame(zoomLabels);
  }
  // Zoomed in, more nodes get a label: 12 px on screen, biggest nodes first,
  // never over another label (the initial view's labels are placed in Rust).
  var labelFrame = 0, zoomGroup = document.createElementNS(SVGNS, 'g'), fixedBoxes = null;
  zoomGroup.setAttribute('class', 'zoom-labels');
  zoomGroup.setAttribute('paint-order', 'stroke'); zoomGroup.setAttribute('stroke', '#fff');
  zoomGroup.setAttribute('stroke-linejoin', 'round');
  searchLabels.parentNode.insertBefore(zoomGroup, searchLabels);
  var bySize = N.map(function (_, i) { return i; }).sort(function (a, b) { return N[b][7] - N[a][7] || a - b; });
  function zoomLabels() {
    labelFrame = 0;
    while (zoomGroup.firstChild) zoomGroup.removeChild(zoomGroup.firstChild);
    var k = W / vb.w;
    if (k < 1.3) return;
    if (!fixedBoxes) fixedBoxes = lblEl.filter(Boolean).map(function (t) { var b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height, t]; });
    var fs = 12 / k, boxes = fixedBoxes.filter(function (b) { return b[4].style.display !== 'none'; }), added = 0;
    for (var j = 0; j < bySize.length && added < 250; j++) {
      var i = bySize[j], n = N[i];
      if (lblEl[i] || !vis[i] || n[5] < vb.x || n[5] > vb.x + vb.w || n[6] < vb.y || n[6] > vb.y + vb.h) continue;
      var x0 = n[5] + n[7] + 2 / k, w = n[1].length * 0.66 * fs, y = n[6] + 0.33 * fs;
      var b = [x0, y - 0.95 * fs, x0 + w, y + 0.3 * fs];
      var free = boxes.every(function (o) { return b[0] >= o[2] || o[0] >= b[2] || b[1] >= o[3] || o[1] >= b[3]; });
      if (!free) continue;
      boxes.push(b);
      var t = document.createElementNS(SVGNS, 'text');
      t.setAttribute('x', x0); t.setAttribute('y', y); t.setAttribute('font-size', fs);
      t.setAttribute('stroke-width', 3 / k); t.setAttribute('fill', '#1a1a1a');
      t.textContent = n[1];
      zoomGroup.appendChild(t);
      added++;
    }
  }
  function toSvg(cx, cy) {
    var r = svg.getBoundingClientRect();
    return { x: vb.x + (cx - r.left) / r.width * vb.w, y: vb.y + (cy - r.top) / r.height * vb.h };
  }
  function zoom(f, px, py) {
    var nw = Math.min(W * 4, Math.max(W / 40, vb.w * f)), k = nw / vb.w;
    vb.x = px - (px - vb.x) * k; vb.y = py - (py - vb.y) * k; vb.w = nw; vb.h = vb.h * k;
    applyView();
  }
  function centre(i) { vb.x = N[i][5] - vb.w / 2; vb.y = N[i][6] - vb.h / 2; applyView(); }
  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var p = toSvg(ev.clientX, ev.clientY);
    zoom(Math.exp(ev.deltaY * 0.0015), p.x, p.y);
  }, { passive: false });
  document.getElementById('net-zoom-in').addEventListener('click', function () { zoom(1 / 1.4, vb.x + vb.w / 2, vb.y + vb.h / 2); });
  document.getElementById('net-zoom-out').addEventListener('click', function () { zoom(1.4, vb.x + vb.w / 2, vb.y + vb.h / 2); });
  document.getElementById('net-reset').addEventListener('click', function () { vb = { x: 0, y: 0, w: W, h: H }; applyView(); });
  var drag = null;
  svg.addEventListener('pointerdown', function (ev) {
    if (ev.target.closest && ev.target.closest('.node')) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y, moved: false };
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var r = svg.getBoundingClientRect();
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; svg.classList.add('dragging'); }
    vb.x = drag.vx - dx / r.width * vb.w; vb.y = drag.vy - dy / r.height * vb.h;
    applyView();
  });
  window.addEventListener('pointerup', function () { svg.classList.remove('dragging'); setTimeout(function () { drag = null; }, 0); });

  // Evidence panel.
  function evidence(refs, total) {
    if (!refs.length) return '<p class="note">No evidence sentence recorded.</p>';
    var h = '<p>' + total + ' evidence record(s)' + (total > refs.length ? ', the first ' + refs.length + ' shown' : '') + ':</p><ol>';
    refs.forEach(function (r) {
      var s = S[r], d = DOCS[s[0]];
      h += '<li class="evidence"><span class="doc">' + esc(d[1] || d[0]) + ' (' + esc(d[0]) + (d[2] ? ', ' + esc(d[2]) : '') +
        '), sentence ' + s[1] + ':</span> “' + esc(s[2]) + '”</li>';
    });
    return h + '</ol>';
  }
  function clearSel() {
    svg.classList.remove('focus');
    svg.querySelectorAll('.sel,.near,.hl').forEach(function (el) { el.classList.remove('sel', 'near', 'hl'); });
  }
  function select(i) {
    clearSel();
    st.sel = i;
    var n = N[i];
    svg.classList.add('focus');
    nodeEl[i].classList.add('sel', 'near');
    if (lblEl[i]) lblEl[i].classList.add('near');
    var ties = [];
    adj[i].forEach(function (k) {
      var e = E[k], o = e[0] === i ? e[1] : e[0];
      if (!evis[k]) return;
      edgeEl[k].classList.add('hl');
      nodeEl[o].classList.add('near');
      if (lblEl[o]) lblEl[o].classList.add('near');
      ties.push('<a data-edge="' + k + '">' + esc(e[2].replace(/_/g, ' ')) + ' ' + (e[0] === i ? '→ ' : '← ') + esc(N[o][1]) + '</a>');
    });
    info.innerHTML = '<h3>' + esc(n[12]) + '</h3><p>' + esc(n[2]) + (n[3] !== 'none' ? ' · side ' + esc(n[3].toUpperCase()) : '') +
      (n[10] ? ' · ' + esc(n[10]) : '') + (n[4] !== null ? ' · active from ' + n[4] : '') + (n[11] !== null ? ' · community ' + esc(n[11]) : '') +
      ' · <code>' + esc(n[0]) + '</code></p>' + evidence(n[8], n[9]) +
      (ties.length ? '<p class="ties">Ties shown (click for evidence): ' + ties.join(' · ') + '</p>' : '');
  }
  function selectEdge(k) {
    clearSel();
    var e = E[k];
    svg.classList.add('focus');
    edgeEl[k].classList.add('hl');
    [e[0], e[1]].forEach(function (i) { nodeEl[i].classList.add('near'); if (lblEl[i]) lblEl[i].classList.add('near'); });
    info.innerHTML = '<h3>' + esc(N[e[0]][12]) + ' — ' + esc(e[2].replace(/_/g, ' ')) + ' → ' + esc(N[e[1]][12]) + '</h3>' +
      (e[3] !== null ? '<p>active from ' + e[3] + '</p>' : '') + evidence(e[4], e[5]);
  }
  info.addEventListener('click', function (ev) {
    var a = ev.target.closest('a[data-edge]');
    if (a) selectEdge(+a.getAttribute('data-edge'));
  });
  // The visible edge nearest to a point, within 6 screen px.
  function nearestEdge(p) {
    var r = svg.getBoundingClientRect(), tol = 6 * vb.w / r.width, best = -1, bd = tol * tol;
    for (var k = 0; k < E.length; k++) {
      if (!evis[k]) continue;
      var a = N[E[k][0]], b = N[E[k][1]];
      var dx = b[5] - a[5], dy = b[6] - a[6], l = dx * dx + dy * dy;
      var t = l ? Math.max(0, Math.min(1, ((p.x - a[5]) * dx + (p.y - a[6]) * dy) / l)) : 0;
      var ex = a[5] + t * dx - p.x, ey = a[6] + t * dy - p.y, d = ex * ex + ey * ey;
      if (d < bd) { bd = d; best = k; }
    }
    return best;
  }
  svg.addEventListener('click', function (ev) {
    if (drag && drag.moved) return;
    var el = ev.target.closest('.node');
    if (el) { select(+el.getAttribute('data-i')); return; }
    var k = nearestEdge(toSvg(ev.clientX, ev.clientY));
    if (k >= 0) selectEdge(k); else { clearSel(); }
  });
  svg.addEventListener('mousemove', function (ev) {
    var el = ev.target.closest('.node'), txt = null;
    if (el) {
      var n = N[+el.getAttribute('data-i')];
      txt = n[12] + ' (' + n[2] + (n[4] !== null ? ', from ' + n[4] : '') + ')';
    } else {
      var k = nearestEdge(toSvg(ev.clientX, ev.clientY));
      if (k >= 0) txt = N[E[k][0]][1] + ' — ' + E[k][2].replace(/_/g, ' ') + ' → ' + N[E[k][1]][1];
    }
    if (!txt) { tip.hidden = true; return; }
    var r = svg.parentNode.getBoundingClientRect();
    tip.textContent = txt;
    tip.hidden = false;
    tip.style.left = Math.min(ev.clientX - r.left + 14, r.width - 200) + 'px';
    tip.style.top = (ev.clientY - r.top + 14) + 'px';
  });
  svg.addEventListener('mouseleave', function () { tip.hidden = true; });
  update();
  svg.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  svg.setAttribute('data-ready', '1');
})();
