// Reads form values out of Element-UI panes in one call. Knows no class names or texts of its own: the caller
// passes the site map's `ui` section and, per module, the fields (label, widget, columns).
//
// Called as  ({ui, modules: [{key, tab, fields: [{key, label, widget, columns}]}], detect})
// and returns {module key: {values: {key: value}, absent: [keys], errors: {key: text}, widgets: {key: kind}}}
// plus __active, the label of the active tab.
// A value is null when the field is empty; a field whose form item is not on the page is listed in `absent`.
// Called as ({ui, scope: element, kind, columns}) it returns the value of the one widget inside `scope`.
(args) => {
  const ui = args.ui;
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const text = (el) => (el ? norm(el.textContent) : '');
  const own = (item, sel) => [...item.querySelectorAll(sel)].filter((e) => e.closest(ui.form_item) === item);

  function findItem(scope, label) {
    for (const item of scope.querySelectorAll(ui.form_item)) {
      const labels = own(item, ui.form_item_label);
      if (labels.length && text(labels[0]) === label) return item;
    }
    return null;
  }

  function empty(v) {
    return v === '' || v === null || v === undefined ? null : v;
  }

  function readTable(el, columns) {
    const table = el.querySelector(ui.table);
    if (!table) return {error: 'no table'};
    const heads = [...table.querySelectorAll(ui.table_header_cell)].map(text);
    const index = {};
    for (const c of columns) {
      const i = heads.indexOf(c.label);
      if (i < 0) return {error: 'no column ' + c.label};
      index[c.key] = i;
    }
    const rows = [];
    for (const tr of table.querySelectorAll(ui.table_row)) {
      const cells = [...tr.children];
      const row = {};
      for (const c of columns) row[c.key] = readWidget(cells[index[c.key]], c.widget, []);
      rows.push(row);
    }
    return {value: rows};
  }

  function readWidget(el, kind, columns) {
    if (!el) return null;
    const q = (sel) => el.querySelector(sel);
    switch (kind) {
      case 'text': { const i = q(ui.input); return i ? empty(i.value.trim()) : null; }
      case 'textarea': { const i = q(ui.textarea); return i ? empty(i.value.trim()) : null; }
      case 'number': {
        const i = q(ui.number_input);
        const v = i ? i.getAttribute('aria-valuenow') : null;
        return v === null || v === '' || v === 'undefined' || v === 'null' || isNaN(Number(v)) ? null : Number(v);
      }
      case 'date': { const i = q(ui.date_input); return i ? empty(i.value.trim()) : null; }
      case 'daterange': {
        const [s, e] = [...el.querySelectorAll(ui.range_input)].map((i) => i.value.trim());
        return s || e ? {start: s || null, end: e || null} : null;
      }
      case 'radio': { const c = q(ui.radio_checked); return c ? empty(text(c.querySelector(ui.radio_text) || c)) : null; }
      // A select shows its chosen option once its list has closed (the input is read-only again); while the
      // list is open the input holds the text typed to filter, which is no value at all.
      case 'select': case 'institution': {
        const i = q(ui.select_input);
        return i && i.readOnly ? empty(norm(i.value)) : null;
      }
      case 'multiselect': return [...el.querySelectorAll(ui.select_tags)].map(text).filter((t) => t);  // the tags
      case 'file': case 'files':
        return [...el.querySelectorAll(ui.upload_item_done)].map((li) => text(li.querySelector(ui.upload_item_name)));
      case 'table': return readTable(el, columns).value ?? null;
      default: return null;
    }
  }

  // What kind of widget a form item holds, from its structure (for `autofiler doctor`).
  function detect(item) {
    const has = (sel) => !!item.querySelector(sel);
    if (has(ui.table)) return 'table';
    if (has(ui.upload_input)) return item.querySelector(ui.upload_input).multiple ? 'files' : 'file';
    if (has(ui.radio)) return 'radio';
    if (has(ui.range_input)) return 'daterange';
    if (has(ui.date_input)) return 'date';
    if (has(ui.number)) return 'number';
    if (has(ui.select_filter)) return 'multiselect';
    if (has(ui.select_input)) return 'select';
    if (has(ui.textarea)) return 'textarea';
    if (has(ui.input)) return 'text';
    return 'unknown';
  }

  if (args.scope) return readWidget(args.scope, args.kind, args.columns || []);

  const tabEls = [...document.querySelectorAll(ui.tab)];
  const tabs = tabEls.map(text);
  const panes = [...document.querySelectorAll(ui.pane)];
  const active = tabEls.find((t) => t.matches(ui.tab + ui.tab_active));
  const out = {__active: active ? text(active) : null};
  for (const m of args.modules) {
    const i = tabs.indexOf(m.tab);
    const pane = i >= 0 ? panes[i] : null;
    const res = {values: {}, absent: [], errors: {}, widgets: {}, found: !!pane};
    out[m.key] = res;
    if (!pane) continue;
    for (const f of m.fields) {
      const item = findItem(pane, f.label);
      if (!item) { res.absent.push(f.key); continue; }
      if (args.detect) res.widgets[f.key] = detect(item);
      if (f.widget === 'table') {
        const t = readTable(item, f.columns);
        if (t.error) res.errors[f.key] = t.error; else res.values[f.key] = t.value;
      } else {
        res.values[f.key] = readWidget(item, f.widget, []);
      }
    }
  }
  return out;
}
