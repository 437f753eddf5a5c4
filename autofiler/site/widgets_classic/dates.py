"""Dates picked on the library's calendar panel, as a person does: open it from the read-only input, step the
year and month arrows to the wanted month, click the day. A range is two such inputs (start, end)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.errors import SiteError
from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic.context import SHORT_MS, Ctx
from autofiler.site.widgets_classic.reading import collect, control_css

DATE_INPUT = "input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=file])"
MAX_STEPS = 400  # month steps: over 30 years either way

# With a declared calendar event: open the panel from the input, step its arrows to the month and choose the day,
# all by that event inside the page; every step is judged by the header it changes. Answers the input's value,
# or null when the panel did not answer (then a person's clicks take over).
STEP_JS = """(box, a) => {
  const shown = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const send = (e) => e.dispatchEvent(new MouseEvent(a.event, {bubbles: true, cancelable: true, view: window}));
  const panel = () => [...document.querySelectorAll(a.panel)].filter(shown).pop();
  if (!panel()) send(box);
  const p = panel();
  if (!p) return null;
  const want = a.year * 12 + a.month - 1;
  for (let i = 0; i < a.steps; i++) {
    const header = p.querySelector(a.header);
    const ym = ((header && header.getAttribute(a.attr)) || '').split('-').map(Number);
    if (ym.length < 2 || !p.isConnected) return null;
    const [year, month] = ym;
    if (year === a.year && month === a.month) {
      const day = [...p.querySelectorAll(`td[${a.dayAttr}="${a.year}-${a.month}-${a.day}"]`)]
        .find((d) => !d.matches(a.outside));
      if (!day) return null;
      send(day);
      return box.value;
    }
    const arrow = year !== a.year ? (year < a.year ? a.nextY : a.prevY)
      : (year * 12 + month - 1 < want ? a.nextM : a.prevM);
    const el = p.querySelector(arrow);
    if (!el) return null;
    send(el);
    const after = p.querySelector(a.header);
    if (!after || (after.getAttribute(a.attr) || '') === ym.join('-')) return null;
  }
  return null;
}"""


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SiteError(f"不是日期 / not a date: {value!r}") from None


def pick_date(ctx: Ctx, box: Locator, value: Any) -> None:
    """Set one read-only date input through its calendar panel; judged by the value the input shows after."""
    ui = ctx.ui
    want = _date(value)
    iso = want.isoformat()
    if (box.input_value() or "").strip() == iso:
        return
    if ui.events.calendar:
        args = {"event": ui.events.calendar, "panel": ui.date_panel, "header": ui.date_month_header,
                "attr": ui.date_month_attr, "dayAttr": ui.date_day_attr, "outside": ui.date_day_outside,
                "prevY": ui.date_prev_year, "nextY": ui.date_next_year, "prevM": ui.date_prev_month,
                "nextM": ui.date_next_month, "year": want.year, "month": want.month, "day": want.day,
                "steps": MAX_STEPS}
        if box.evaluate(STEP_JS, args) == iso:
            return
    ctx.click(box)
    panel = ctx.page.locator(ui.date_panel).filter(visible=True).last
    header = panel.locator(ui.date_month_header).first
    for _ in range(MAX_STEPS):
        ym = (header.get_attribute(ui.date_month_attr) or "").split("-")
        year, month = int(ym[0]), int(ym[1])
        if (year, month) == (want.year, want.month):
            break
        if year != want.year:
            arrow = ui.date_next_year if year < want.year else ui.date_prev_year
        else:
            arrow = ui.date_next_month if (year, month) < (want.year, want.month) else ui.date_prev_month
        before = header.get_attribute(ui.date_month_attr)
        ctx.click(panel.locator(arrow).first)
        expect(header).not_to_have_attribute(ui.date_month_attr, before or "", timeout=SHORT_MS)
    else:
        raise SiteError(f"日历无法翻到 {iso} / the calendar did not reach {iso}")
    day = f"td[{ui.date_day_attr}='{want.year}-{want.month}-{want.day}']:not({ui.date_day_outside})"
    ctx.click(panel.locator(day).first)
    expect(box).to_have_value(iso, timeout=SHORT_MS)


class Date:
    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        if value in (None, ""):
            return
        pick_date(ctx, ctx.control(item, field, DATE_INPUT).first, value)

    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]:
        return {"how": "values", "css": control_css(field, DATE_INPUT)}

    def shape(self, field: SiteField, raw: list[Any]) -> Any:
        return (str(raw[0]).strip() or None) if raw else None

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        return self.shape(field, collect(item, self.collect(ctx, field)))


class DateRange:
    """Two date inputs in one item: start and end."""

    def _boxes(self, ctx: Ctx, item: Locator, field: SiteField) -> tuple[Locator, Locator]:
        boxes = ctx.control(item, field, DATE_INPUT)
        if boxes.count() != 2:
            raise SiteError(f"{field.label}: expected two date inputs, found {boxes.count()}")
        return boxes.nth(0), boxes.nth(1)

    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        if not isinstance(value, dict):
            return
        start, end = self._boxes(ctx, item, field)
        if value.get("start"):
            pick_date(ctx, start, value["start"])
        if value.get("end"):
            pick_date(ctx, end, value["end"])

    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]:
        return {"how": "values", "css": control_css(field, DATE_INPUT)}

    def shape(self, field: SiteField, raw: list[Any]) -> Any:
        if len(raw) != 2:
            raise SiteError(f"{field.label}: expected two date inputs, found {len(raw)}")
        start, end = (str(v).strip() or None for v in raw)
        return {"start": start, "end": end} if start or end else None

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        return self.shape(field, collect(item, self.collect(ctx, field)))
