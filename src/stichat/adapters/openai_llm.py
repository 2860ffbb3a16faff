"""The LLM port on the official `openai` SDK: OpenAI or any OpenAI-compatible server (vLLM, Ollama,
llama.cpp) through OPENAI_BASE_URL.

The SDK's own retries are off: the caller owns one total deadline per call (asyncio.timeout) and a
breaker, and a retry hidden in here would spend that deadline twice. Every failure leaves as
`LLMFailure(reason)` with the label `stichat_openai_failures_total` counts it under.
"""

from __future__ import annotations

import base64
import json
from typing import Any, TypeVar

import openai
from openai import AsyncOpenAI
from pydantic import BaseModel, ValidationError

from stichat.domain.errors import LLMFailure

M = TypeVar("M", bound=BaseModel)
#: The SDK refuses to start without a key; local servers ignore it, so any non-empty value will do.
NO_KEY = "not-needed"
MAX_ANSWER_TOKENS = 300  # a classification is a few dozen tokens; the cap bounds a runaway answer


class OpenAILLM:
    """Chat completions with `response_format={"type": "json_object"}`, validated with pydantic."""

    def __init__(self, *, model: str, api_key: str = "", base_url: str = "", timeout: float = 8.0,
                 vision_model: str = "") -> None:
        self._model, self._vision_model = model, vision_model or model
        # The SDK timeout is only a backstop; the caller's asyncio.timeout is the real deadline.
        self._client = AsyncOpenAI(api_key=api_key or NO_KEY, base_url=base_url or None, max_retries=0,
                                   timeout=timeout)

    async def aclose(self) -> None:
        await self._client.close()

    async def complete_json(self, *, system: str, user: str, schema: type[M], image: bytes | None = None) -> M:
        content: Any = user
        if image is not None:
            url = "data:image/jpeg;base64," + base64.b64encode(image).decode("ascii")
            content = [{"type": "text", "text": user}, {"type": "image_url", "image_url": {"url": url}}]
        try:
            completion = await self._client.chat.completions.create(
                model=self._vision_model if image is not None else self._model,
                messages=[{"role": "system", "content": system}, {"role": "user", "content": content}],
                response_format={"type": "json_object"},
                temperature=0,
                max_tokens=MAX_ANSWER_TOKENS,
            )
        except openai.APITimeoutError as exc:
            raise LLMFailure("timeout") from exc
        except openai.APIConnectionError as exc:
            raise LLMFailure("connection", type(exc.__cause__ or exc).__name__) from exc
        except openai.RateLimitError as exc:
            raise LLMFailure("rate_limited") from exc
        except openai.APIStatusError as exc:
            raise LLMFailure("http_5xx" if exc.status_code >= 500 else "http_4xx", str(exc.status_code)) from exc
        except openai.APIError as exc:  # a body the SDK cannot read as a completion
            raise LLMFailure("invalid_json", type(exc).__name__) from exc
        if not completion.choices:
            raise LLMFailure("schema", "no choices")
        choice = completion.choices[0]
        message = choice.message
        if getattr(message, "refusal", None) or choice.finish_reason == "content_filter":
            raise LLMFailure("refusal")
        content = message.content or ""
        try:
            data = json.loads(content)
        except ValueError:
            raise LLMFailure("invalid_json", f"{len(content)} characters") from None
        if not isinstance(data, dict):
            raise LLMFailure("invalid_json", "not an object")
        try:
            return schema.model_validate(data)
        except ValidationError as exc:
            raise LLMFailure("schema", f"{exc.error_count()} errors") from None
