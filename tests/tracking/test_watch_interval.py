import pytest

from autofiler.commands.watch import parse_interval
from autofiler.errors import ConfigError


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("30m", 1800), ("6h", 21600), ("1d", 86400),
                                               ("1.5h", 5400), ("45", 45)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "6 hours", "-1h", "h"])
def test_a_wrong_interval_names_the_option(text):
    with pytest.raises(ConfigError, match="--every"):
        parse_interval(text)
