// Lists the tabs and the controls of a classic (server-rendered) editor without touching anything. Knows no class
// names or texts of its own: the caller passes the site map's `ui` section.
//
// ({ui, mode: 'tabs'})            -> [{label, shown, active}] for every tab title, in page order
// ({ui, mode: 'pane', index})     -> {shown, controls: [...]} for the index-th tab pane; each control is
//   {label, name, names, kind, options, required, shown, inputs, headers, parent} where `parent` is the index of
//   the repeating group (in the same list) whose first row holds it, or null.
(args) => {
  const ui = args.ui;
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const titles = [...document.querySelectorAll(ui.tab_title)];
  if (args.mode === 'tabs') {
    return titles.map((t) => ({label: norm(t.textContent), shown: shown(t), active: t.matches(ui.tab_active)}));
  }
  const pane = [...document.querySelectorAll(ui.tab_pane)][args.index];
  if (!pane) return {shown: false, controls: []};
  const itemOf = (el) => el.closest(ui.form_item);
  const outerItem = (item) => (item.parentElement ? item.parentElement.closest(ui.form_item) : null);
  const own = (item, sel) => [...item.querySelectorAll(sel)].filter((e) => itemOf(e) === item);
  // a suggestion list is there before it holds items: the list is the item selector without its last step
  const listSel = ui.suggestion.split(',').map((s) => s.replace(/\s*>\s*[^>]*$/, '').trim()).join(', ');
  const mark = ui.required_mark || '';
  const cleanName = (n) => (n || '').replace(/\[\d+\]/g, '');

  function labelOf(item) {
    const el = own(item, ui.form_item_label)[0];
    let text = el ? norm(el.textContent) : '';
    let required = false;
    if (mark && text.startsWith(mark)) {
      required = true;
      text = norm(text.slice(mark.length));
    }
    return {text, required};
  }

  function styledText(input, box) {
    const next = input.nextElementSibling;
    const t = next && next.matches(box) ? norm(next.textContent) : '';
    return t || input.getAttribute('title') || input.value;
  }

  function describe(item) {
    const fields = own(item, 'input, select, textarea').filter((e) => !e.closest(ui.select_box));
    const named = fields.filter((e) => e.name && e.type !== 'hidden' && e.type !== 'file');
    const names = [...new Set(named.map((e) => cleanName(e.name)))];
    const out = {kind: 'text', options: [], inputs: 1, headers: [], names};
    const selects = named.filter((e) => e.tagName === 'SELECT');
    const radios = named.filter((e) => e.type === 'radio');
    const checks = named.filter((e) => e.type === 'checkbox');
    const texts = named.filter((e) => e.tagName === 'INPUT' && (e.type === 'text' || e.type === ''));
    const buttonOnly = !named.length && own(item, ui.button).length && !own(item, ui.table_header).length;
    if (item.querySelector(ui.upload_input) || fields.some((e) => e.type === 'file') || buttonOnly) {
      // an upload is a button (its file input may come only once the project is saved)
      out.kind = 'upload';
      out.names = [...new Set(fields.filter((e) => e.name && e.type === 'hidden').map((e) => cleanName(e.name)))];
    } else if (own(item, ui.table_header).length && own(item, ui.button).length) {
      out.kind = 'dialog_picker';
      out.headers = own(item, ui.table_header).map((h) => norm(h.textContent)).filter(Boolean);
      out.names = [];
    } else if (selects.length) {
      out.options = [...selects[0].options].filter((o) => o.value !== '').map((o) => norm(o.textContent));
      out.kind = out.options.length ? 'select' : 'dependent_select';
    } else if (radios.length) {
      out.kind = 'radio';
      out.options = radios.map((r) => styledText(r, ui.radio_box));
    } else if (checks.length) {
      const pair = checks.length === 2 && checks.every((c) => c.value === 'true' || c.value === 'false');
      out.kind = pair ? 'checkbox_pair' : 'checkbox_group';
      out.options = checks.map((c) => styledText(c, ui.checkbox_box));
    } else if (named.some((e) => e.tagName === 'TEXTAREA')) {
      out.kind = 'textarea';
    } else if (named.some((e) => e.type === 'number')) {
      out.kind = 'number';
    } else if (texts.length && texts.every((e) => e.readOnly)) {
      out.kind = texts.length === 2 ? 'daterange' : 'date';
    } else if (listSel && own(item, listSel).length) {
      out.kind = 'autocomplete';
    } else {
      out.inputs = Math.max(texts.length, 1);
    }
    return out;
  }

  const items = [...pane.querySelectorAll(ui.form_item)];
  const index = new Map();
  const controls = [];
  for (const item of items) {
    const outer = outerItem(item);
    let parent = null;
    if (outer && pane.contains(outer)) {
      if (!index.has(outer)) continue;  // inside a control that is not a group
      const group = controls[index.get(outer)];
      const rows = own(outer, ui.repeat_row);
      if (group.kind !== 'repeating_group' || (rows.length && !rows[0].contains(item))) continue;  // first row only
      parent = index.get(outer);
    }
    const label = labelOf(item);
    if (!label.text) continue;  // a bar of buttons, not a control
    const rows = own(item, ui.repeat_row);
    const inner = [...item.querySelectorAll(ui.form_item)].length > 0;
    let d;
    if (rows.length || inner) {
      const first = rows[0] || item;
      const marker = [...first.querySelectorAll('input[type=hidden][name]')].find(
        (e) => itemOf(e) === item || e.parentElement === first);
      const column = [...first.querySelectorAll('[name]')].find((e) => e.type !== 'hidden');
      const name = marker ? cleanName(marker.name) : (column ? cleanName(column.name) : null);
      d = {kind: 'repeating_group', options: [], inputs: 1, headers: [], names: name ? [name] : []};
    } else {
      d = describe(item);
    }
    index.set(item, controls.length);
    controls.push({
      label: label.text, required: label.required, shown: shown(item), parent,
      name: d.names[0] || null, names: d.names, kind: d.kind, options: d.options, inputs: d.inputs,
      headers: d.headers,
    });
  }
  return {shown: shown(pane), controls};
}
