"""Operator endpoint for smart mode: read and flip the runtime switch shared by every replica."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, StrictBool

from stichat.bootstrap import Services
from stichat.domain.errors import OutOfService
from stichat.services.smart import SmartMode
from stichat.web.security import OperatorDep, ServicesDep

router = APIRouter(prefix="/api")


class SmartModeIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    enabled: StrictBool


def _smart(svc: Services) -> SmartMode:
    if svc.smart is None:  # pragma: no cover - bootstrap always builds it
        raise OutOfService()
    return svc.smart


@router.get("/smart-mode")
async def smart_mode(_: OperatorDep, svc: ServicesDep) -> dict[str, Any]:
    return {"ok": True, **await _smart(svc).status()}


@router.post("/smart-mode")
async def set_smart_mode(body: SmartModeIn, _: OperatorDep, svc: ServicesDep) -> dict[str, Any]:
    return {"ok": True, **await _smart(svc).set(body.enabled)}
