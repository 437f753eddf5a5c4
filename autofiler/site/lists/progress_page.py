"""What a progress check knows of a project, and reading one project's 备案进度 page (state and timeline).

The lists (临床研究项目备案, 分中心项目, 项目审核) are read by `autofiler.site.lists.list_reading`. Every label, class and text
comes from the site map.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from autofiler.errors import SiteError
from autofiler.site.maps.state_labels import state_key

if TYPE_CHECKING:
    from autofiler.site.session.site_session import Site

UNKNOWN = "unknown"


@dataclass
class Event:
    """One entry of the 备案进度 timeline."""

    time: str | None = None
    step: str | None = None
    reviewer: str | None = None
    opinion: str | None = None
    result: str | None = None


@dataclass
class Project:
    """What a check knows of one project. `status` is a state key of the site map, or "unknown"."""

    id: str
    project_name: str
    status: str
    status_label: str
    filing_no: str | None = None
    updated_at: str | None = None
    project_type: str | None = None
    pi: str | None = None  # 负责人, where the list gives it
    unit: str | None = None  # 单位 (the lead institution), where the list gives it
    opinion: str | None = None
    timeline: list[Event] | None = None
    # A list row carries no opinion: "opinion" is exported only when it was read (None then means "none given").
    opinion_read: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["opinion_read"]
        if not self.opinion_read:
            del data["opinion"]
        for key in ("timeline", "project_type", "pi", "unit"):
            if data[key] is None:
                del data[key]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Project:
        known = {k: data.get(k) for k in ("id", "project_name", "status", "status_label", "filing_no",
                                           "updated_at", "project_type", "pi", "unit", "opinion")}
        timeline = data.get("timeline")
        events = [Event(**e) for e in timeline] if timeline is not None else None
        return cls(**known, timeline=events, opinion_read="opinion" in data)  # type: ignore[arg-type]


def status_key(label: str, states: dict[str, str]) -> str:
    """The state key whose label the site shows; labels the site map does not know give "unknown"."""
    return state_key(states, label) or UNKNOWN


def blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


# The 备案进度 page: the descriptions block and the timeline, lines read as "<label>：<value>".
_TIMELINE_JS = """
(a) => {
  const desc = {};
  const labels = document.querySelectorAll(a.dLabel);
  for (const l of labels) {
    const c = l.nextElementSibling && l.nextElementSibling.matches(a.dContent) ? l.nextElementSibling
      : l.parentElement.querySelector(a.dContent);
    desc[l.textContent.trim()] = c ? c.textContent.trim() : '';
  }
  const events = [...document.querySelectorAll(a.item)].map(li => {
    const ts = li.querySelector(a.time);
    const content = li.querySelector(a.content);
    const lines = {};
    for (const p of content ? content.querySelectorAll(a.line) : []) {
      const text = p.textContent.trim();
      const i = text.indexOf(a.sep);
      if (i > 0) lines[text.slice(0, i).trim()] = text.slice(i + a.sep.length).trim();
    }
    return {time: ts ? ts.textContent.trim() : null, lines};
  });
  return {desc, events, found: labels.length > 0};
}
"""


def _absent(project_id: str, status: int) -> SiteError:
    return SiteError(f"项目 {project_id} 不存在或无权查看 / project {project_id} does not exist or is not yours to "
                     f"see (HTTP {status})")


def read_timeline(site: Site, project_id: str) -> Project:
    """Open one project's 备案进度 page and read its state and every review step."""
    m = site.map
    ui, labels = m.ui, m.progress_page
    if m.project_api is not None:  # a single-page app serves its shell for any id: its JSON tells at once
        answer = site.page.request.get(site.url(m.project_api.path.format(id=project_id)))
        if answer.status in (403, 404):
            raise _absent(project_id, answer.status)
    resp = site.goto(m.progress_url.format(id=project_id))
    if resp is not None and resp.status in (403, 404):
        raise _absent(project_id, resp.status)
    try:
        site.page.wait_for_selector(ui.descriptions_label, state="attached")
    except PlaywrightTimeout:
        raise SiteError(f"项目 {project_id} 的备案进度页无法读取 / the progress page of project {project_id} "
                        f"shows no project details ({site.page.url})") from None
    args = {"dLabel": ui.descriptions_label, "dContent": ui.descriptions_content, "item": ui.timeline_item,
            "time": ui.timeline_time, "content": ui.timeline_content, "line": ui.timeline_line,
            "sep": ui.line_separator}
    data = site.page.evaluate(_TIMELINE_JS, args)
    desc = data["desc"]
    if labels.status not in desc:
        raise SiteError(f"备案进度页无法读取 / the progress page of project {project_id} shows no "
                        f"{labels.status}", hint=f"found: {', '.join(desc) or 'nothing'}")
    events = [
        Event(time=blank(e["time"]), step=blank(e["lines"].get(labels.step)),
              reviewer=blank(e["lines"].get(labels.reviewer)), opinion=blank(e["lines"].get(labels.opinion)),
              result=blank(e["lines"].get(labels.result)))
        for e in data["events"]
    ]
    opinions = [e.opinion for e in events if e.opinion]
    label = desc[labels.status]
    return Project(
        id=str(project_id), project_name=desc.get(labels.project_name, ""),
        status=status_key(label, dict(m.states)), status_label=label,
        filing_no=blank(desc.get(labels.filing_no)), updated_at=events[-1].time if events else None,
        opinion=opinions[-1] if opinions else None, timeline=events, opinion_read=True,
    )
