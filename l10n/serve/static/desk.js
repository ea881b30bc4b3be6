/* l10n desk: editing in place, saving each action at once, live updates by polling.
   Everything shown comes from server-rendered (autoescaped) fragments or textContent. */
(function () {
  "use strict";
  const desk = document.getElementById("desk");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  if (!desk) return;
  const lang = desk.dataset.lang, slug = desk.dataset.slug;
  const base = "/a/" + encodeURIComponent(lang) + "/" + encodeURIComponent(slug);
  const panel = document.getElementById("panel");
  let active = null;          // entry id being edited
  let known = {};             // entry id -> card signature, from the last poll
  let epoch = 0;              // bumped by each of our own saves: a poll sent before one is stale

  function cards(id) { return Array.from(document.querySelectorAll('.seg[data-entry="' + id + '"]')); }
  function dirty(seg) { const t = seg.querySelector("textarea"); return t && t.value !== t.dataset.original; }
  function say(seg, text, kind) {
    const m = seg.querySelector(":scope > .msg");
    if (!m) return;
    m.textContent = text; m.className = "msg " + (kind || "");
  }
  function autosize(t) { t.style.height = "auto"; t.style.height = (t.scrollHeight + 2) + "px"; }

  async function post(url, fields) {
    const body = new URLSearchParams(fields);
    const r = await fetch(url, { method: "POST", body, headers: { "X-CSRF-Token": csrf, "Accept": "application/json" },
                                 credentials: "same-origin" });
    let data = {};
    try { data = await r.json(); } catch (e) { data = { ok: false, error: "HTTP " + r.status }; }
    return { status: r.status, data };
  }

  async function refresh(id, keepFocus) {
    const r = await fetch(base + "/seg/" + id, { credentials: "same-origin" });
    if (!r.ok) return;
    const html = await r.text();
    for (const seg of cards(id)) {
      const holder = document.createElement("div");
      holder.innerHTML = html;
      const fresh = holder.firstElementChild;
      seg.replaceWith(fresh);
      wire(fresh);
    }
    if (keepFocus) { const t = cards(id)[0] && cards(id)[0].querySelector("textarea"); if (t) t.focus(); }
    if (id === active) loadPanel(id);
  }

  function updateCounts() {
    const seen = {};
    for (const seg of document.querySelectorAll(".seg[data-entry]")) seen[seg.dataset.entry] = seg.dataset.state;
    for (const st of ["reviewed", "fuzzy", "untranslated"]) {
      const el = document.getElementById("n-" + st);
      if (el) el.textContent = Object.values(seen).filter((s) => s === st).length;
    }
  }

  async function act(seg, action, opts) {
    const id = seg.dataset.entry, t = seg.querySelector("textarea");
    const fields = { version: (opts && opts.version) || seg.dataset.version };
    if (action === "accept" || action === "save") fields.text = t.value;
    say(seg, action === "retranslate" ? "Asking the engine…" : "Saving…", "busy");
    const { status, data } = await post(base + "/entry/" + id + "/" + action, fields);
    if (status === 409 && data.conflict) { showConflict(seg, action, data.conflict, t.value); return false; }
    if (!data.ok) { say(seg, data.error || "Not saved", "error"); return false; }
    known[id] = data.sig;  // our own change: the next poll must not redraw the card again
    epoch += 1;
    await refresh(id, false);
    for (const c of cards(id)) say(c, data.message, "ok");
    updateCounts();
    return true;
  }

  function showConflict(seg, action, c, mine) {
    const box = document.createElement("div");
    box.className = "conflict"; box.setAttribute("role", "alert");
    const h = document.createElement("strong");
    h.textContent = "Conflict: " + (c.reviewer ? c.reviewer : "someone else") + " saved this entry after you opened it.";
    box.appendChild(h);
    for (const [label, text] of [["Their version (" + c.state + ")", c.theirs], ["Your text", mine]]) {
      const d = document.createElement("div"); d.className = "conflict-text";
      const l = document.createElement("span"); l.className = "lbl"; l.textContent = label + ": ";
      const q = document.createElement("q"); q.textContent = text || "(empty)";
      d.append(l, q); box.appendChild(d);
    }
    const keep = document.createElement("button"); keep.type = "button"; keep.textContent = "Keep theirs";
    const mineBtn = document.createElement("button"); mineBtn.type = "button"; mineBtn.className = "primary";
    mineBtn.textContent = "Save mine instead";
    keep.addEventListener("click", () => refresh(seg.dataset.entry, true));
    mineBtn.addEventListener("click", async () => {
      box.remove();
      const t = seg.querySelector("textarea"); t.value = mine;
      await act(seg, action === "accept" ? "save" : action, { version: c.version });
    });
    box.append(keep, mineBtn);
    const old = seg.querySelector(".conflict"); if (old) old.remove();
    seg.appendChild(box);
    say(seg, "Not saved: conflict", "error");
  }

  async function loadPanel(id) {
    const r = await fetch(base + "/panel/" + id, { credentials: "same-origin" });
    if (!r.ok) return;
    panel.innerHTML = await r.text();
    panel.dataset.entry = id;
    for (const b of panel.querySelectorAll(".use-tm")) {
      b.addEventListener("click", () => {
        const seg = cards(id)[0]; if (!seg) return;
        const t = seg.querySelector("textarea"); t.value = b.dataset.text; autosize(t); t.focus(); mark(seg);
      });
    }
    const form = panel.querySelector(".glossary-form");
    if (form) form.addEventListener("submit", addTerm);
  }

  async function addTerm(ev) {
    ev.preventDefault();
    const form = ev.target, msg = form.querySelector(".msg");
    const { data } = await post("/glossary", Object.fromEntries(new FormData(form)));
    msg.textContent = data.ok ? data.message : (data.error || "Not added");
    msg.className = "msg " + (data.ok ? "ok" : "error");
    if (data.ok) { form.reset(); poll(); }
  }

  function activate(seg) {
    const id = seg.dataset.entry;
    for (const el of document.querySelectorAll(".is-active")) el.classList.remove("is-active");
    for (const el of document.querySelectorAll('[data-entry="' + id + '"]')) el.classList.add("is-active");
    if (active !== id) { active = id; loadPanel(id); }
  }

  function mark(seg) { seg.classList.toggle("is-dirty", dirty(seg)); }

  function nextToReview(seg) {
    const all = Array.from(document.querySelectorAll(".seg[data-entry]"));
    const start = all.indexOf(seg);
    const order = all.slice(start + 1).concat(all.slice(0, start + 1));
    return order.find((s) => s.dataset.state !== "reviewed" && s.dataset.entry !== seg.dataset.entry);
  }

  function wire(seg) {
    const t = seg.querySelector("textarea");
    if (!t) return;
    autosize(t);
    t.addEventListener("focus", () => activate(seg));
    t.addEventListener("input", () => { autosize(t); mark(seg); });
    t.addEventListener("keydown", async (ev) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        const id = seg.dataset.entry;
        const ok = await act(seg, dirty(seg) ? "save" : "accept");
        if (!ok) return;
        const now = cards(id)[0];
        const next = now && nextToReview(now);
        if (next) { const nt = next.querySelector("textarea"); nt.focus(); nt.scrollIntoView({ block: "center", behavior: "smooth" }); }
      }
    });
    for (const b of seg.querySelectorAll("button[data-action]")) {
      b.addEventListener("click", () => { activate(seg); act(seg, b.dataset.action); });
    }
  }

  async function poll() {
    let data;
    const started = epoch;
    try {
      const r = await fetch(base + "/versions", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!r.ok) throw new Error(String(r.status));
      data = await r.json();
      document.getElementById("live").classList.remove("off");
    } catch (e) { document.getElementById("live").classList.add("off"); return; }
    if (started !== epoch) return;  // we saved meanwhile: this answer may predate our own change
    for (const [id, info] of Object.entries(data)) {
      const segs = cards(id);
      if (!segs.length) continue;
      const changed = known[id] !== undefined && known[id] !== info.sig;
      const stale = segs[0].dataset.version !== info.version;
      known[id] = info.sig;
      if (!changed && !stale) continue;
      if (segs.some(dirty)) {   // never throw away what someone is typing: tell them instead
        for (const s of segs) say(s, "Changed by " + (info.reviewer || "someone else") + " meanwhile — saving will show both versions.", "warn");
        continue;
      }
      await refresh(id, document.activeElement && segs.some((s) => s.contains(document.activeElement)));
    }
    updateCounts();
  }

  for (const seg of document.querySelectorAll(".seg[data-entry]")) wire(seg);
  for (const s of document.querySelectorAll(".src .s[data-entry]")) {
    s.addEventListener("click", () => { const c = cards(s.dataset.entry)[0]; if (c) c.querySelector("textarea").focus(); });
  }
  for (const a of document.querySelectorAll(".queue .jump")) {
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      const c = cards(a.dataset.entry)[0];
      if (c) { const t = c.querySelector("textarea"); t.focus(); t.scrollIntoView({ block: "center" }); }
    });
  }
  const pub = document.getElementById("publish"), out = document.getElementById("publish-result");
  pub.addEventListener("click", async () => {
    pub.disabled = true; out.hidden = false; out.className = "notice"; out.textContent = "Checking and building…";
    const { data } = await post(base + "/publish", {});
    pub.disabled = false;
    out.textContent = "";
    const head = document.createElement("strong");
    if (data.ok) {
      out.className = "notice ok";
      head.textContent = "Published: " + data.path;
      out.appendChild(head);
    } else {
      out.className = "notice error";
      head.textContent = data.blockers ? "Not published — the QA gate (build --fail-on " + data.gate + ") found:" : (data.error || "Not published");
      out.appendChild(head);
      const ul = document.createElement("ul");
      for (const b of data.blockers || []) {
        const li = document.createElement("li");
        li.textContent = b;
        ul.appendChild(li);
      }
      out.appendChild(ul);
    }
  });
  const queue = (desk.dataset.queue || "").split(" ").filter(Boolean);
  poll();
  setInterval(poll, 2000);
  window.l10nDesk = { queue, poll };
})();
