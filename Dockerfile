# stcwatch container: builds a wheel in one stage, runs it as a non-root user in the next.
ARG BASE_IMAGE=python:3.12-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /src
COPY pyproject.toml README.md config.example.toml ./
COPY bot ./bot
COPY rules ./rules
COPY data ./data
RUN python -m pip wheel --no-cache-dir --wheel-dir /wheels .

FROM ${BASE_IMAGE}
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STCWATCH_CONFIG=/etc/stcwatch/config.toml
COPY --from=build /wheels /wheels
RUN python -m pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin stcwatch \
    && mkdir -p /data /etc/stcwatch && chown stcwatch /data
COPY --chown=root:root config.example.toml /etc/stcwatch/config.toml
RUN sed -i 's|^path = "stcwatch.db"|path = "/data/stcwatch.db"|' /etc/stcwatch/config.toml
USER stcwatch
WORKDIR /data
VOLUME ["/data"]
ENTRYPOINT ["stcwatch"]
CMD ["run"]
