"""Operator endpoint for smart mode: read and flip the runtime switch shared by every replica."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, StrictBool

from stichat.bootstrap import Services
from stichat.domain.errors import OperatorTokenRequired, OutOfService
from stichat.services.smart import SmartMode
from stichat.web import views
from stichat.web.responses import BAD_BODY, SmartModeOut, failures
from stichat.web.security import OperatorDep, ServicesDep
from stichat.web.views import Json

router = APIRouter(prefix="/api")


class SmartModeIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    enabled: StrictBool


def _smart(svc: Services) -> SmartMode:
    if svc.smart is None:  # pragma: no cover - bootstrap always builds it
        raise OutOfService()
    return svc.smart


@router.get("/smart-mode", response_model=SmartModeOut, responses=failures(OperatorTokenRequired))
async def smart_mode(_: OperatorDep, svc: ServicesDep) -> Json:
    return Json(views.smart_mode(await _smart(svc).status()))


@router.post("/smart-mode", response_model=SmartModeOut, responses=failures(OperatorTokenRequired, edge=BAD_BODY))
async def set_smart_mode(body: SmartModeIn, _: OperatorDep, svc: ServicesDep) -> Json:
    return Json(views.smart_mode(await _smart(svc).set(body.enabled)))
