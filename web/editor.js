// The rule editor of the web app (#/luat): a rule file's text, its diagnostics as it is typed,
// the impact of the text as typed before saving, and saving with the text before kept.
"use strict";

// The rule editor: a file's text, its diagnostics as it is typed, saved with the text before kept.
function editor(main, query) {
  main.append(el("h2", {}, "Soạn luật"));
  const list = el("ul", { "aria-label": "Các tệp luật" });
  const area = el("textarea", { spellcheck: "false", "aria-label": "Nội dung tệp luật", disabled: true });
  const diags = el("ul", { id: "diagnostics", "aria-live": "polite" });
  const summary = el("p", { class: "muted" }, "Chọn một tệp ở bên trái.");
  const save = el("button", { type: "button", id: "luu", disabled: true }, "Lưu (giữ bản trước thành .bak)");
  const preview = el("button", { type: "button", id: "xem-tac-dong", disabled: true }, "Xem tác động trước khi lưu");
  const impact = el("div", { id: "impact", "aria-live": "polite" });
  const proposed = el("p", { class: "unknown" });
  for (const f of app.files) {
    list.append(el("li", {}, el("a", { href: `#/luat?tep=${encodeURIComponent(f)}`, "data-file": f }, f)));
  }
  main.append(el("div", { class: "editor" }, el("nav", { "aria-label": "Tệp luật" }, list),
                 el("div", {}, proposed, area, el("p", {}, save, " ", preview, " ", summary), diags, impact)));

  const show = (check) => {
    summary.textContent = `${check.errors} lỗi, ${check.warnings} cảnh báo trong ${check.files.length} tệp`;
    const items = [];
    for (const p of check.io_errors) items.push(el("li", { class: "not_met" }, `${p.file}: ${p.message}`));
    for (const d of check.diagnostics) {
      const here = d.file === app.editing;
      const text = `${d.file}:${d.line}:${d.column}: ${d.severity === "error" ? "lỗi" : "cảnh báo"} [${d.code}] ${d.message}`;
      items.push(el("li", { class: d.severity === "error" ? "not_met" : "unknown" },
        here ? el("a", { href: "#/luat", onclick: (ev) => { ev.preventDefault(); goto(d.line, d.column); } }, text) : text,
        d.help ? el("div", { class: "muted" }, d.help) : null,
        (d.notes || []).map((n) => el("div", { class: "muted" }, `${n.file}:${n.line}: ${n.message}`))));
    }
    diags.replaceChildren(...items);
  };
  const goto = (line, column) => {
    const lines = area.value.split("\n");
    let at = 0;
    for (let i = 0; i < line - 1 && i < lines.length; ++i) at += lines[i].length + 1;
    area.focus();
    area.setSelectionRange(at + column - 1, at + column - 1);
  };
  const check = async () => {
    try {
      const { data } = await api("POST", "/api/v1/check", JSON.stringify({ file: app.editing, text: area.value }));
      show(data);
    } catch (e) {
      summary.textContent = e.message;
    }
  };
  const open = async (f, proposal) => {
    try {
      const { data } = await api("GET", `/api/v1/rules/file?path=${encodeURIComponent(f)}`);
      app.editing = f;
      area.value = data;
      // A proposed change sent as a link (&tim=OLD&thay=NEW): made in the editor, not saved,
      // and its impact shown.
      if (proposal && data.includes(proposal.find)) {
        area.value = data.replace(proposal.find, proposal.replace);
        proposed.textContent = `Đề xuất sửa: «${proposal.find}» → «${proposal.replace}» (chưa lưu)`;
      }
      area.disabled = false;
      save.disabled = false;
      preview.disabled = false;
      impact.replaceChildren();
      for (const a of list.querySelectorAll("a")) a.setAttribute("aria-current", a.dataset.file === f ? "true" : "false");
      await check();
      if (proposal && area.value !== data) preview.click();
    } catch (e) {
      summary.textContent = e.message;
    }
  };
  // What the text as typed would change, against the rules on disk, on the data chosen above.
  preview.addEventListener("click", async () => {
    const chosen = dataChosen();
    if (!chosen) { impact.replaceChildren(el("p", {}, "Chọn dữ liệu ở trên (tệp có sẵn hoặc tải lên) để xem tác động.")); return; }
    impact.replaceChildren(el("p", { class: "muted" }, "Đang so sánh…"));
    // The edit as JSON, the data named; with an upload, a form carrying the data too.
    let body = JSON.stringify({ file: app.editing, text: area.value });
    let query = chosen.query;
    if (chosen.upload) {
      body = new FormData();
      body.append("file", app.editing);
      body.append("text", area.value);
      body.append("data", new Blob([chosen.upload.bytes]), chosen.upload.name);
      query = "";
    }
    try {
      const params = [query, app.year ? `year=${app.year}` : ""].filter(Boolean).join("&");
      const { data } = await api("POST", `/api/v1/diff?${params}`, body);
      if (data.diagnostics) { show(data); impact.replaceChildren(el("p", { class: "not_met" }, "Văn bản còn lỗi: sửa trước khi xem tác động.")); return; }
      const changes = data.changes.map((c) => el("li", {}, c.text));
      const moved = data.impact.entities.map((e) => {
        const from = e.old.level_title || "Chưa đạt", to = e.new.level_title || "Chưa đạt";
        const may = e.old.may_reach !== e.new.may_reach ? ` (có thể đạt: ${e.old.may_reach || "–"} → ${e.new.may_reach || "–"})` : "";
        return el("li", {}, el("a", { href: `#/xa/${encodeURIComponent(e.code)}` }, `${e.type} ${e.name} (${e.code})`),
                  `, ${e.parent}: ${from} → ${to}${may}`,
                  el("ul", {}, e.causes.map((k) => el("li", { class: "muted" },
                    `${k.code} ${k.title || ""}: ${STATUS[k.old_status] || k.old_status || "–"} → ${STATUS[k.new_status] || k.new_status || "–"}`
                    + (k.old_threshold !== undefined && k.old_threshold !== k.new_threshold ? ` (yêu cầu ${num(k.old_threshold)} → ${num(k.new_threshold)}${k.unit ? ` ${k.unit}` : ""})` : "")
                    + (k.responsible ? ` — ${k.responsible}` : "")))));
      });
      impact.replaceChildren(el("h3", {}, `Nếu lưu: ${data.changes.length} thay đổi trong luật, ${data.impact.entities.length} đơn vị đổi kết quả (năm ${data.impact.new_year})`),
                             el("ul", {}, changes), el("ul", {}, moved));
    } catch (e) {
      impact.replaceChildren(el("p", { class: "not_met" }, e.message));
    }
  });
  area.addEventListener("input", () => { clearTimeout(app.checkTimer); app.checkTimer = setTimeout(check, 300); });
  save.addEventListener("click", async () => {
    try {
      const { data } = await api("PUT", `/api/v1/rules/file?path=${encodeURIComponent(app.editing)}`, area.value, "text/plain; charset=utf-8");
      show(data);
      say(`Đã lưu ${app.editing}.`);
    } catch (e) {
      say(e.message, true);
    }
  });
  // #/luat?tep=FILE opens a file (a link to it can be kept or sent), &tim=OLD&thay=NEW with a
  // change proposed in it.
  const asked = query.get("tep");
  const proposal = query.has("tim") ? { find: query.get("tim"), replace: query.get("thay") || "" } : null;
  if (asked && app.files.includes(asked)) open(asked, proposal);
  else if (app.editing) open(app.editing);
}

