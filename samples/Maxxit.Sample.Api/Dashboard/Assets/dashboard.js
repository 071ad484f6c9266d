// Maxxit V3 operator dashboard: polls GET /api/v3/dashboard and redraws in place. No libraries, no network beyond
// this origin (the page's Content-Security-Policy says so too). Every value from the server is set as text, never as
// markup.
(function () {
  "use strict";

  const SNAPSHOT = "/api/v3/dashboard";
  const KEY_STORE = "maxxit.apiKey";
  const SVG = "http://www.w3.org/2000/svg";
  const params = new URLSearchParams(window.location.search);
  const refreshMs = Math.max(250, Number(params.get("refresh")) || 3000);

  const STATE_LABELS = {
    RESERVED: "Reserved", SUBMITTED: "Submitted", PENDING_FILL: "Pending fill", OPEN: "Open", CLOSING: "Closing",
    CLOSED: "Closed", CANCELLED: "Cancelled", FAILED: "Failed", NEEDS_RECONCILIATION: "Needs reconciliation",
  };
  const STATE_CLASS = {
    RESERVED: "live", SUBMITTED: "live", PENDING_FILL: "live", OPEN: "live", CLOSING: "live",
    CLOSED: "done", CANCELLED: "done", FAILED: "alarm", NEEDS_RECONCILIATION: "alarm",
  };

  // ---- formatting for people -------------------------------------------------------------------------------------
  const intFmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const usdFmt = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pctFmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

  function int(n) { return intFmt.format(n); }
  function usd(n) { return usdFmt.format(n); }
  function signedUsd(n) { return (n > 0 ? "+" : n < 0 ? "\u2212" : "") + usdFmt.format(Math.abs(n)); }
  function pct(n) { return pctFmt.format(n) + "%"; }
  function signedPct(n) {
    const a = Math.abs(n);
    const text = new Intl.NumberFormat("en-US", { maximumFractionDigits: a < 1 ? 2 : 1 }).format(a) + "%";
    return (n > 0 ? "+" : n < 0 ? "\u2212" : "") + text;
  }
  function fraction(n) { return n === null || n === undefined ? "\u2014" : pctFmt.format(n * 100) + "%"; }
  function ratio(n) { return n === null || n === undefined ? "\u2014" : Number(n).toFixed(2); }
  function price(n) {
    if (n === null || n === undefined) { return "\u2014"; }
    const a = Math.abs(n);
    const digits = a >= 1000 ? 2 : a >= 1 ? 4 : 6;
    return new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: a >= 1000 ? 2 : 0 }).format(n);
  }
  function qty(n) { return new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 }).format(n); }
  function ms(n) {
    if (n === null || n === undefined) { return "\u2014"; }
    if (n >= 1000) { return pctFmt.format(n / 1000) + " s"; }
    if (n >= 10) { return intFmt.format(n) + " ms"; }
    return new Intl.NumberFormat("en-US", { maximumSignificantDigits: 2 }).format(n) + " ms";
  }
  function ago(iso, now) {
    if (!iso) { return "never"; }
    const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
    if (s < 5) { return "just now"; }
    if (s < 60) { return s + " s ago"; }
    const m = Math.round(s / 60);
    if (m < 60) { return m + " min ago"; }
    const h = Math.round(m / 60);
    if (h < 48) { return h + " h ago"; }
    return intFmt.format(Math.round(h / 24)) + " d ago";
  }
  function venueClass(v) { return "v-" + (v ? String(v).toLowerCase().replace(/[^a-z0-9]/g, "") : "none"); }

  // ---- DOM helpers -----------------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) { continue; }
      if (k === "class") { e.className = v; } else { e.setAttribute(k, String(v)); }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) { continue; }
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) { e.setAttribute(k, String(v)); }
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined) { e.append(c instanceof Node ? c : document.createTextNode(String(c))); }
    }
    return e;
  }
  function venueTag(v) { return el("span", { class: "venue" }, el("span", { class: "swatch " + venueClass(v) }), v || "No venue"); }
  function sideTag(s) { return s ? el("span", { class: "side " + s.toLowerCase() }, s) : el("span", { class: "muted" }, "\u2014"); }
  function signed(n, text) { return el("span", { class: n > 0 ? "pos" : n < 0 ? "neg" : "" }, text); }
  function time(iso, now) { return el("time", { datetime: iso, title: new Date(iso).toLocaleString(), "data-ago": iso }, ago(iso, now)); }
  function rows(tbody, list, make, emptyText, cols) {
    tbody.replaceChildren(...(list.length ? list.map(make) : [el("tr", {}, el("td", { colspan: cols, class: "empty" }, emptyText))]));
    // Each cell carries its column's name, shown in front of it where a narrow screen stacks the row as a card.
    const heads = Array.from(tbody.parentElement.querySelectorAll("thead th"), (th) => th.textContent);
    for (const tr of tbody.rows) {
      Array.from(tr.cells).forEach((td, i) => {
        if (td.classList.contains("empty")) { return; }
        td.setAttribute("data-label", heads[i] || "");
        if (td.childNodes.length > 1) { const one = el("span", {}); one.append(...td.childNodes); td.append(one); }
      });
    }
  }

  // ---- sections --------------------------------------------------------------------------------------------------
  function renderKpis(d) {
    const t = d.totals;
    const r = d.routing;
    const tile = (label, value, hint, cls) => el("div", { class: "kpi" }, el("div", { class: "label" }, label), el("div", { class: "value " + (cls || "") }, value), el("div", { class: "hint" }, hint));
    const pnlClass = (n) => (n > 0 ? "pos" : n < 0 ? "neg" : "");
    document.getElementById("kpis").replaceChildren(
      tile("Agents", int(t.agents), int(t.active_agents) + " active \u00b7 " + int(t.deployments) + " deployments"),
      tile("Signals", int(t.signals), int(t.policy_rejections) + " refused by policy"),
      tile("Open positions", int(t.open_positions), int(t.closed_positions) + " closed \u00b7 " + int(t.positions) + " total"),
      tile("Realised PnL", signedUsd(t.realized_pnl), "closed positions", pnlClass(t.realized_pnl)),
      tile("Unrealised PnL", signedUsd(t.unrealized_pnl), "open positions at current price", pnlClass(t.unrealized_pnl)),
      tile("Routing decisions", int(r.total), "avg " + ms(r.avg_duration_ms) + (r.no_venue ? " \u00b7 " + int(r.no_venue) + " no venue" : "")));
  }

  function renderRouting(d) {
    const r = d.routing;
    const segments = r.venues.map((v) => ({ key: v.venue, cls: venueClass(v.venue), n: v.trades }));
    if (r.no_venue > 0) { segments.push({ key: "none", cls: "v-none", n: r.no_venue }); }
    // A donut on a circle of circumference 100 (r = 15.915): each segment's dash is its share.
    const parts = [svg("circle", { class: "donut-track", cx: 21, cy: 21, r: 15.915, "stroke-width": 6 })];
    let offset = 25;
    for (const s of segments) {
      const share = r.total ? (100 * s.n) / r.total : 0;
      parts.push(svg("circle", { class: "donut-seg " + s.cls, cx: 21, cy: 21, r: 15.915, "stroke-width": 6, "stroke-dasharray": share + " " + (100 - share), "stroke-dashoffset": offset, "data-venue": s.key },
        svg("title", {}, (s.key === "none" ? "No venue" : s.key) + ": " + pct(share))));
      offset -= share;
    }
    parts.push(svg("text", { class: "donut-total", x: 21, y: 22, "text-anchor": "middle" }, int(r.total)));
    parts.push(svg("text", { class: "donut-label", x: 21, y: 27, "text-anchor": "middle" }, r.total === 1 ? "decision" : "decisions"));
    document.getElementById("routing-chart").replaceChildren(svg("svg", { viewBox: "0 0 42 42", role: "img", "aria-label": "Routing share per venue" }, parts));

    const list = r.venues.map((v) => ({ venue: v.venue, trades: v.trades, percent: v.percent, avg: v.avg_duration_ms }));
    if (r.no_venue > 0) { list.push({ venue: null, trades: r.no_venue, percent: r.total ? Math.round((1000 * r.no_venue) / r.total) / 10 : 0, avg: null }); }
    rows(document.querySelector("#routing-table tbody"), list, (v) => el("tr", { "data-venue": v.venue || "none" },
      el("td", {}, venueTag(v.venue)), el("td", { class: "num" }, int(v.trades)), el("td", { class: "num share" }, pct(v.percent)), el("td", { class: "num" }, ms(v.avg))),
    "No routing decisions yet", 4);
  }

  function renderStates(d) {
    const list = d.positions_by_status;
    const max = Math.max(1, ...list.map((s) => s.count));
    const rowH = 26, labelW = 150, barW = 170, width = labelW + barW + 44;
    const parts = [];
    list.forEach((s, i) => {
      const y = i * rowH;
      const w = s.count ? Math.max(2, (barW * s.count) / max) : 0;
      parts.push(svg("g", { "data-status": s.status },
        svg("text", { class: "label", x: 0, y: y + 17 }, STATE_LABELS[s.status] || s.status),
        svg("rect", { class: "bar zero", x: labelW, y: y + 6, width: barW, height: 14, rx: 3 }),
        svg("rect", { class: "bar " + (s.count ? STATE_CLASS[s.status] || "" : "zero"), x: labelW, y: y + 6, width: w, height: 14, rx: 3 }),
        svg("text", { class: "count", x: labelW + barW + 8, y: y + 17 }, int(s.count)),
        svg("title", {}, (STATE_LABELS[s.status] || s.status) + ": " + int(s.count))));
    });
    document.getElementById("states-chart").replaceChildren(
      svg("svg", { viewBox: "0 0 " + width + " " + list.length * rowH, role: "img", "aria-label": "Positions by state" }, parts));
  }

  function renderOpen(d, now) {
    rows(document.querySelector("#open-table tbody"), d.open_positions, (p) => el("tr", { "data-position": p.id, "data-token": p.token_symbol },
      el("td", {}, el("strong", {}, p.token_symbol), p.status === "CLOSING" ? el("span", { class: "muted" }, " closing") : null),
      el("td", {}, sideTag(p.side)),
      el("td", {}, venueTag(p.venue)),
      el("td", { class: "num" }, qty(p.qty)),
      el("td", { class: "num" }, price(p.entry_price)),
      el("td", { class: "num" }, p.current_price === null ? el("span", { class: "muted" }, "no price") : price(p.current_price)),
      el("td", { class: "num" }, p.unrealized_pnl === null ? "\u2014" : signed(p.unrealized_pnl, signedUsd(p.unrealized_pnl) + (p.unrealized_percent === null ? "" : " (" + signedPct(p.unrealized_percent) + ")"))),
      el("td", { class: "num", title: p.stop_kind || "" }, price(p.stop_level), p.stop_kind ? el("span", { class: "muted" }, p.stop_kind === "trailing-stop" ? " trailing" : " SL") : null),
      el("td", {}, time(p.opened_at, now))),
    "No open positions", 9);
  }

  function renderActivity(d, now) {
    rows(document.querySelector("#activity-table tbody"), d.recent_activity, (a) => el("tr", { "data-signal": a.signal_id, "data-token": a.token_symbol },
      el("td", {}, time(a.created_at, now)),
      el("td", {}, el("strong", {}, a.token_symbol)),
      el("td", {}, sideTag(a.side)),
      el("td", { class: "num" }, a.confidence === null ? "\u2014" : fraction(a.confidence)),
      el("td", {}, venueTag(a.selected_venue)),
      el("td", { class: "reason" }, a.routing_reason),
      el("td", { class: "num" }, ms(a.routing_duration_ms))),
    "No activity yet", 7);
  }

  function curve(points) {
    if (!points.length) { return el("div", { class: "curve-note" }, "No closed positions in the last 90 days"); }
    const values = [0, ...points.map((p) => p.cumulative_pnl)];
    const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
    const span = hi - lo || 1, w = 240, h = 60, pad = 4;
    const x = (i) => pad + ((w - 2 * pad) * i) / Math.max(1, values.length - 1);
    const y = (v) => h - pad - ((h - 2 * pad) * (v - lo)) / span;
    const last = values[values.length - 1];
    const dir = last >= 0 ? "up" : "down";
    const line = values.map((v, i) => x(i).toFixed(1) + "," + y(v).toFixed(1)).join(" ");
    return svg("svg", { viewBox: "0 0 " + w + " " + h, preserveAspectRatio: "none", role: "img", "aria-label": "Cumulative realised PnL " + signedUsd(last) },
      svg("line", { class: "zero-line", x1: 0, x2: w, y1: y(0), y2: y(0) }),
      svg("polyline", { class: "curve " + dir, points: line, "vector-effect": "non-scaling-stroke" }),
      svg("circle", { class: "pt " + dir, cx: x(values.length - 1), cy: y(last), r: 2.5 }),
      svg("title", {}, points.map((p) => p.day + ": " + signedUsd(p.cumulative_pnl)).join("\n")));
  }

  function renderAgents(d) {
    const list = d.agents;
    const box = document.getElementById("agents");
    if (!list.length) { box.replaceChildren(el("div", { class: "empty" }, "No agents yet")); return; }
    box.replaceChildren(...list.map((a) => el("article", { class: "agent", "data-agent": a.id },
      el("h3", {}, el("span", {}, a.name), el("span", { class: "status" }, a.status)),
      el("dl", {},
        el("div", {}, el("dt", {}, "Signals"), el("dd", {}, int(a.signals))),
        el("div", {}, el("dt", {}, "Positions"), el("dd", {}, int(a.positions), el("span", { class: "muted" }, " (" + int(a.open_positions) + " open)"))),
        el("div", {}, el("dt", {}, "Realised"), el("dd", {}, signed(a.realized_pnl, signedUsd(a.realized_pnl)))),
        el("div", {}, el("dt", {}, "APR 30d"), el("dd", {}, fraction(a.apr_30d))),
        el("div", {}, el("dt", {}, "APR 90d"), el("dd", {}, fraction(a.apr_90d))),
        el("div", {}, el("dt", {}, "Sharpe 30d"), el("dd", {}, ratio(a.sharpe_30d)))),
      curve(a.pnl_curve))));
  }

  function renderSystem(d, now) {
    const w = d.signal_worker, m = d.position_monitor;
    const card = (title, state, ...lines) => el("div", { class: "sys" }, el("h3", {}, el("span", { class: "health " + state }), title), ...lines.map((l) => el("p", {}, l)));
    const worker = w.running
      ? card("Signal worker", w.last_error ? "bad" : "ok",
        w.last_cycle_at ? "Last cycle " + ago(w.last_cycle_at, now) + " \u00b7 " + ms(w.last_cycle_ms) + " \u00b7 " + int(w.last_signals) + " signals" : "Waiting for its first cycle",
        int(w.cycles) + " cycles \u00b7 " + int(w.failed_cycles) + " with errors",
        w.last_error ? "Last error: " + w.last_error : null)
      : card("Signal worker", "off", "Not running in this host", "Start it with AddSignalWorker() or the console sample's --worker");
    const monitor = m.running
      ? card("Position monitor", m.mismatches ? "bad" : "ok",
        m.last_reconciliation_at ? "Reconciled " + ago(m.last_reconciliation_at, now) + " \u00b7 " + int(m.accounts_checked) + " accounts" : "Not reconciled yet",
        m.last_reconciliation_at ? int(m.mismatches) + " mismatches \u00b7 " + int(m.closed_externally) + " closed outside" : null,
        int(m.needs_reconciliation) + " positions need reconciliation")
      : card("Position monitor", m.needs_reconciliation ? "bad" : "off", "Not running in this host", int(m.needs_reconciliation) + " positions need reconciliation");
    const venues = d.venues.map((v) => el("div", { class: "sys", "data-venue-health": v.venue },
      el("h3", {}, el("span", { class: "health " + (v.healthy ? "ok" : "bad") }), venueTag(v.venue)),
      el("p", {}, (v.healthy ? "Healthy" : "Unhealthy") + " \u00b7 " + v.adapter + " \u00b7 " + int(v.markets) + " markets"),
      v.detail && v.detail !== v.adapter ? el("p", {}, v.detail) : null));
    document.getElementById("system").replaceChildren(worker, monitor, ...venues);
  }

  // ---- refresh loop ----------------------------------------------------------------------------------------------
  let lastOk = null;
  let timer = null;
  let busy = false;
  const live = document.getElementById("live");
  const liveText = document.getElementById("live-text");

  function tickClock() {
    const now = Date.now();
    for (const t of document.querySelectorAll("time[data-ago]")) { t.textContent = ago(t.getAttribute("data-ago"), now); }
    if (lastOk !== null && live.classList.contains("ok")) { liveText.textContent = "Live \u00b7 updated " + ago(new Date(lastOk).toISOString(), now); }
  }

  function render(d) {
    const now = Date.now();
    renderKpis(d);
    renderRouting(d);
    renderStates(d);
    renderOpen(d, now);
    renderActivity(d, now);
    renderAgents(d);
    renderSystem(d, now);
    document.body.setAttribute("data-generated-at", d.generated_at);
  }

  async function refresh() {
    timer = null;
    busy = true;
    try {
      const headers = { Accept: "application/json" };
      const key = sessionStorage.getItem(KEY_STORE);
      if (key) { headers.Authorization = "Bearer " + key; }
      const res = await fetch(SNAPSHOT, { credentials: "same-origin", cache: "no-store", headers: headers });
      if (res.status === 401) {
        // The API runs with an operator key: ask for it once per tab; it stays in this tab's session storage only.
        const entered = window.prompt("This API requires its operator API key:");
        if (entered) { sessionStorage.setItem(KEY_STORE, entered.trim()); } else { sessionStorage.removeItem(KEY_STORE); }
        throw new Error("API key required");
      }
      if (!res.ok) { throw new Error("HTTP " + res.status); }
      const body = await res.json();
      render(body.dashboard);
      lastOk = Date.now();
      live.className = "live ok";
      liveText.textContent = "Live \u00b7 updated just now";
    } catch (e) {
      // Shown on the page, not thrown: a restarting server is expected, and polling carries on.
      live.className = "live down";
      liveText.textContent = "Cannot reach the API (" + (e && e.message ? e.message : "error") + "), retrying";
    }
    busy = false;
    schedule();
  }

  function schedule() {
    if (timer === null && !document.hidden) { timer = setTimeout(refresh, refreshMs); }
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && timer === null && !busy) { refresh(); }
  });
  setInterval(tickClock, 1000);
  refresh();
})();
