"""POST /api/verify: is a claim about the policy supported, contradicted or not found?"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from assistant.answer.verify import verify_claim
from assistant.serve.deps import Services, get_assistant, get_services
from assistant.serve.routes import ERRORS
from assistant.serve.schemas import VerifyRequest, VerifyResponse

router = APIRouter(prefix="/api", tags=["verify"])


@router.post("/verify", response_model=VerifyResponse, responses=ERRORS)
async def verify(
    req: VerifyRequest, services: Services = Depends(get_services), assistant: Any = Depends(get_assistant)
) -> VerifyResponse:
    """Checks the claim's numbers, dates and key terms against the best-matching policy sentence."""
    return VerifyResponse(**await services.run(verify_claim, assistant, req.claim))
