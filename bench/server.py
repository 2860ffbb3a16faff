"""The benchmark server: the real app plus a bare `/__hello` route on the same stack (baseline)."""

from __future__ import annotations

import sys

import uvicorn

from stichat.config import Settings
from stichat.web.app import create_app


def main() -> None:
    app = create_app(Settings.from_env())

    @app.get("/__hello")
    async def hello() -> dict[str, bool]:
        return {"ok": True}

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=False, log_level="warning")


if __name__ == "__main__":
    main()
