// Fills a run of plain widgets (text, textarea, number, radio) in one call, in order, as a user's edits would:
// the browser's own editing command for typed text (input events, length limit included), the change event that
// commits a number, the radio's own click. Each form item is waited for (an earlier value may reveal it), and the
// call returns once every widget shows its value as taken by the page (each animation frame is checked), or
// {index, reason} for the first one that did not, so that the caller can drive that one step by step.
//
// Called on the element holding the form items, with {ui, items: [{label, kind, text}], ms}; on a table row, an
// item names its cell by index ({cell, kind, text}).
async (scope, args) => {
  const {ui, items, ms} = args;
  const end = performance.now() + ms;
  // the next frame (or a timer where frames are paused, as in a tab in the background)
  const frame = () => new Promise((ok) => { requestAnimationFrame(ok); setTimeout(ok, 50); });
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const own = (item, sel) => [...item.querySelectorAll(sel)].filter((e) => e.closest(ui.form_item) === item);

  function findItem(label, cell) {
    if (cell !== undefined && cell !== null) return scope.querySelectorAll(':scope > td')[cell] || null;
    for (const item of scope.querySelectorAll(ui.form_item)) {
      const labels = own(item, ui.form_item_label);
      if (labels.length && norm(labels[0].textContent) === label) return item;
    }
    return null;
  }

  function type(box, text) {
    box.focus();
    box.select();
    const done = text ? document.execCommand('insertText', false, text) : document.execCommand('delete');
    if (!done || (box.value === '' && text)) return false;
    return true;
  }

  function radioFor(item, text) {
    return [...item.querySelectorAll(ui.radio)].find((r) => norm((r.querySelector(ui.radio_text) || r).textContent) === text);
  }

  function taken(item, kind, text) {
    if (kind === 'text' || kind === 'textarea') {
      const box = item.querySelector(kind === 'text' ? ui.input : ui.textarea);
      return !!box && box.value.trim() === text;
    }
    if (kind === 'number') {
      const v = (item.querySelector(ui.number_input) || {getAttribute: () => null}).getAttribute('aria-valuenow');
      if (text === '') return v === null || v === '' || v === 'undefined' || v === 'null';
      return v !== null && v !== '' && Number(v) === Number(text);
    }
    const r = radioFor(item, text);
    return !!r && r.matches(ui.radio_checked);
  }

  const found = [];
  for (let i = 0; i < items.length; i++) {
    const {label, cell, kind, text} = items[i];
    let item = findItem(label, cell);
    while (!item && performance.now() < end) {
      await frame();
      item = findItem(label, cell);
    }
    if (!item) return {index: i, reason: 'absent'};
    found.push(item);
    if (taken(item, kind, text)) continue;
    if (kind === 'text' || kind === 'textarea') {
      const box = item.querySelector(`${ui.input}, ${ui.textarea}`);
      if (!box || box.disabled || box.readOnly || !type(box, text)) return {index: i, reason: 'not typed'};
      if (box.value.trim() !== text) return {index: i, reason: 'cut'};
    } else if (kind === 'number') {
      const box = item.querySelector(ui.number_input);
      if (!box || box.disabled || !type(box, text)) return {index: i, reason: 'not typed'};
      box.dispatchEvent(new Event('change', {bubbles: true}));  // typed text commits on change only
    } else if (kind === 'radio') {
      const r = radioFor(item, text);
      const input = r && r.querySelector('input');
      if (!input || input.disabled) return {index: i, reason: 'no option'};
      input.click();
    }
  }
  for (;;) {
    const left = items.findIndex((it, i) => !taken(found[i], it.kind, it.text));
    if (left < 0) return null;
    if (performance.now() > end) return {index: left, reason: 'not taken'};
    await frame();
  }
}
