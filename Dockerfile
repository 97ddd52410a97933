# stcwatch container image.
#   build:   docker build -t stcwatch .
#   run:     docker run -d --name stcwatch -v stcwatch-data:/data -p 9108:9108 stcwatch
# Stage 1 builds the wheel and installs it with its dependencies into a virtualenv; stage 2 copies only
# that virtualenv onto a clean base and runs it as an unprivileged user (uid/gid 10001).
#
# BASE_IMAGE: any Debian-like image with python3 (>= 3.11), its venv module and useradd. Both stages use
# it, so the virtualenv's interpreter path is the same in each. CI builds on a local Debian bookworm base
# made offline with debootstrap (.ci/container-test).
ARG BASE_IMAGE=python:3.12-slim-bookworm

FROM ${BASE_IMAGE} AS build
# Optional package index for the build stage only (its args never reach the final image). A CA bundle for
# a TLS-inspecting proxy goes in as a build secret, never stored in a layer: --secret id=ca_bundle,src=FILE.
ARG PIP_INDEX_URL=""
ARG PIP_EXTRA_INDEX_URL=""
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INPUT=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
# Dependencies first, in a layer of their own that stays cached until pyproject.toml changes; then the
# package itself as a wheel, so the rules/ and data/ force-includes are exercised as in a release wheel.
# Each RUN uses the optional CA bundle secret and drops empty PIP_*_INDEX_URL args (pip keeps its defaults).
COPY pyproject.toml ./
RUN --mount=type=secret,id=ca_bundle,target=/run/secrets/ca_bundle \
    set -eu; \
    if [ -s /run/secrets/ca_bundle ]; then export PIP_CERT=/run/secrets/ca_bundle; fi; \
    if [ -z "${PIP_INDEX_URL:-}" ]; then unset PIP_INDEX_URL; fi; \
    if [ -z "${PIP_EXTRA_INDEX_URL:-}" ]; then unset PIP_EXTRA_INDEX_URL; fi; \
    python3 -m venv /opt/stcwatch; \
    python3 -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' \
        >/tmp/requirements.txt; \
    /opt/stcwatch/bin/python -m pip install --no-cache-dir -r /tmp/requirements.txt
COPY README.md ./
COPY bot ./bot
COPY rules ./rules
COPY data ./data
RUN --mount=type=secret,id=ca_bundle,target=/run/secrets/ca_bundle \
    set -eu; \
    if [ -s /run/secrets/ca_bundle ]; then export PIP_CERT=/run/secrets/ca_bundle; fi; \
    if [ -z "${PIP_INDEX_URL:-}" ]; then unset PIP_INDEX_URL; fi; \
    if [ -z "${PIP_EXTRA_INDEX_URL:-}" ]; then unset PIP_EXTRA_INDEX_URL; fi; \
    /opt/stcwatch/bin/python -m pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .; \
    /opt/stcwatch/bin/python -m pip install --no-cache-dir --no-deps /wheels/stcwatch-*.whl; \
    /opt/stcwatch/bin/python -m pip check; \
    /opt/stcwatch/bin/stcwatch --version; \
    /opt/stcwatch/bin/stcwatch rules check

FROM ${BASE_IMAGE} AS runtime
ARG BASE_IMAGE
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="stcwatch" \
      org.opencontainers.image.description="Watches news feeds for safe-third-country migration deals and their denials; alerts Slack and Discord." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="${BASE_IMAGE}"
ENV PATH=/opt/stcwatch/bin:${PATH} \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STCWATCH_CONFIG=/etc/stcwatch/config.toml
# A fixed uid/gid, so a bind-mounted /data can be prepared on the host with chown 10001:10001.
RUN groupadd --system --gid 10001 stcwatch \
    && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home \
       --shell /usr/sbin/nologin stcwatch \
    && install -d -o 10001 -g 10001 -m 0750 /data \
    && install -d -o root -g root -m 0755 /etc/stcwatch
COPY --from=build /opt/stcwatch /opt/stcwatch
COPY --chown=root:root --chmod=0644 container/config.toml /etc/stcwatch/config.toml
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 9108
STOPSIGNAL SIGTERM
# GET /healthz on the port of `[health] listen` in the active config ($STCWATCH_CONFIG); a wildcard
# listen address is probed on loopback. Python's urllib, since slim images have no curl. Exit 1 on
# any error (including a 503 "unhealthy" and a config without [health] listen).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["/opt/stcwatch/bin/python", "-c", "import os, tomllib, urllib.request\nwith open(os.environ.get('STCWATCH_CONFIG') or '/etc/stcwatch/config.toml', 'rb') as f:\n    host, _, port = tomllib.load(f).get('health', {}).get('listen', '').rpartition(':')\nif not port:\n    raise SystemExit('[health] listen is not set')\nhost = {'': '127.0.0.1', '0.0.0.0': '127.0.0.1', '[::]': '[::1]'}.get(host, host)\nurllib.request.urlopen(f'http://{host}:{port}/healthz', timeout=5).close()"]
ENTRYPOINT ["stcwatch"]
CMD ["run"]
