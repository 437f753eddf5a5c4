"""`python -m mock_site [flags]`: serve the mock registry (flags in SITE.md)."""

from __future__ import annotations

import uvicorn

from mock_site.mock_config import parse_args
from mock_site.server_app import create_app


def main(argv: list[str] | None = None) -> None:
    config = parse_args(argv)
    app = create_app(config)
    uvicorn.run(app, host=config.host, port=config.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
