"""`doctor --survey` as a command, without a browser: doctor hands it over, and on an Element-family site (where
starting a project saves one) a survey without a named draft is refused before anything is opened."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from autofiler.commands import doctor, doctor_survey
from autofiler.errors import ConfigError
from autofiler.site.maps import choose


def test_doctor_hands_a_survey_to_the_survey_command(monkeypatch):
    seen = []
    monkeypatch.setattr(doctor_survey, "run", lambda args: seen.append(args) or 7)
    args = SimpleNamespace(survey=True, out=None, project=None)
    assert doctor.run(args) == 7
    assert seen == [args]


def test_on_an_element_site_a_survey_without_a_named_draft_is_refused_before_a_browser_opens(tmp_path):
    args = SimpleNamespace(survey=True, out=None, project=None, selectors=str(choose.shipped("sop-2020")),
                           site="http://127.0.0.1:9", user="13800000000", state_dir=str(tmp_path))
    with pytest.raises(ConfigError) as e:
        doctor_survey.run(args)
    assert "--project" in e.value.message
