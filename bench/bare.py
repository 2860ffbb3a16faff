"""The baseline of `make bench`: the least a FastAPI POST can cost on our stack.

One uvicorn process with uvloop and httptools, one pydantic body, one small JSON answer: the same
stack as `stichat serve`, without anything of ours. The service's figures are read as ratios of these.
"""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict


class TurnIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    sessionId: str
    message: str | None = None


def create_app() -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.post("/bare")
    async def bare(body: TurnIn) -> dict[str, object]:
        return {"ok": True, "sessionId": body.sessionId, "length": len(body.message or "")}

    @app.get("/healthz")
    async def healthz() -> dict[str, bool]:
        return {"ok": True}

    return app


def main() -> None:
    uvicorn.run(create_app(), host="127.0.0.1", port=int(sys.argv[1]), loop="uvloop", http="httptools",
                access_log=False, log_level="warning")


if __name__ == "__main__":
    main()
