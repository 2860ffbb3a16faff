# STI Chat image: one wheel on python:3.11-slim, non-root, fit for a read-only root filesystem.
# Build: docker build -t stichat:$(git rev-parse --short HEAD) .
# Run:   docker run --read-only --tmpfs /tmp -v stichat-data:/data -p 8080:8080 \
#          -e LOG_TOKEN=... stichat:<tag>
# Base pinned by tag; CI may pin the digest too (python:3.11.14-slim-bookworm@sha256:...).

# --- builder: wheels of the project and of every dependency --------------------------------------
FROM python:3.11.14-slim-bookworm AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

# --- runtime: only the wheels, installed; no source tree, no compilers ----------------------------
FROM python:3.11.14-slim-bookworm AS runtime
LABEL org.opencontainers.image.title="stichat" \
      org.opencontainers.image.description="Tecnos, the technical-support chat assistant of STI"
# No .pyc writes at run time (the root FS is read-only; pip compiled them at install), unbuffered logs,
# data under /data (the only writable place with /tmp), listen on every interface inside the pod.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=8080 \
    HOME=/tmp
RUN groupadd --system --gid 10001 stichat \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin stichat \
 && mkdir -p /app /data \
 && chown 10001:10001 /data \
 && chmod 0750 /data
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links=/wheels /wheels/stichat-*.whl \
 && rm -rf /wheels
WORKDIR /app
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080
# Liveness of the process only (/healthz); readiness (/readyz) is the orchestrator's business.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8080'), timeout=4)"]
ENTRYPOINT ["stichat"]
CMD ["serve", "--host", "0.0.0.0"]
