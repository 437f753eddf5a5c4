// Lists the tabs and the controls of an Element-UI editor without touching anything. Knows no class names or
// texts of its own: the caller passes the site map's `ui` section (selectors/registry.yaml).
//
// ({ui, mode: 'tabs'})        -> [{label, shown, active}] for every tab, in page order
// ({ui, mode: 'pane', index}) -> {shown, controls: [{label, kind, options, required, shown, headers, parent}]}
// A select's options are read from its own list, which the library renders before it is first opened.
(args) => {
  const ui = args.ui;
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const all = (root, sel) => (sel ? [...root.querySelectorAll(sel)] : []);
  if (args.mode === 'tabs') {
    return all(document, ui.tab).map((t) => ({label: norm(t.textContent), shown: shown(t),
                                              active: t.matches(ui.tab_active)}));
  }
  const pane = all(document, ui.pane)[args.index];
  if (!pane) return {shown: false, controls: []};
  const own = (item, sel) => all(item, sel).filter((e) => e.closest(ui.form_item) === item);
  // the required mark is drawn before the label by the library's style sheet
  const marked = (label) => {
    const c = getComputedStyle(label, '::before').content;
    return !!c && c !== 'none' && c !== 'normal' && c !== '""';
  };

  function describe(item) {
    const tables = own(item, ui.table);
    if (tables.length) {
      const headers = all(tables[0], ui.table_header_cell).map((h) => norm(h.textContent)).filter(Boolean);
      return {kind: 'repeating_group', options: [], headers};
    }
    const out = {kind: 'text', options: [], headers: []};
    const texts = (sel, textSel) => own(item, sel).map((e) => norm((textSel && e.querySelector(textSel)
      ? e.querySelector(textSel) : e).textContent));
    if (own(item, ui.upload).length || own(item, ui.upload_input).length) out.kind = 'upload';
    else if (own(item, ui.range_input).length) out.kind = 'daterange';
    else if (own(item, ui.date_input).length) out.kind = 'date';
    else if (own(item, ui.number).length) out.kind = 'number';
    else if (own(item, ui.select_filter).length || own(item, ui.select_tags).length) {
      out.kind = 'multiselect';
      out.options = texts(ui.option);
    } else if (own(item, ui.select_input).length) {
      out.options = texts(ui.option);
      out.kind = out.options.length ? 'select' : 'dependent_select';
    } else if (own(item, ui.radio).length) {
      out.kind = 'radio';
      out.options = texts(ui.radio, ui.radio_text);
    } else if (own(item, ui.textarea).length) out.kind = 'textarea';
    return out;
  }

  const controls = [];
  for (const item of all(pane, ui.form_item)) {
    const label = own(item, ui.form_item_label)[0];
    const text = label ? norm(label.textContent) : '';
    if (!text) continue;  // a table cell's item, or a bar of buttons
    const d = describe(item);
    controls.push({label: text, required: marked(label), shown: shown(item), parent: null, name: null, names: [],
                   kind: d.kind, options: d.options, inputs: 1, headers: d.headers});
  }
  return {shown: shown(pane), controls};
}
