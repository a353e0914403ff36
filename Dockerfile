# One image for both services: the API (default) and the worker
# (WORKER_MODE=true), chosen at start by scripts/start.sh.
#   docker build -t resume-engine .
#   docker run -p 8000:8000 -e RESUME_ENGINE_API_KEYS=... resume-engine

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p resume-engine-cli \
    && strip target/release/resume-engine

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /data app
COPY --from=build /src/target/release/resume-engine /usr/local/bin/resume-engine
COPY scripts/start.sh /usr/local/bin/start.sh
# Fonts and templates are compiled into the binary: nothing is fetched at
# run time. Jobs default to SQLite and files to /data unless
# RESUME_ENGINE_BACKEND / RESUME_ENGINE_STORAGE point elsewhere.
ENV HOST=0.0.0.0 \
    PORT=8000 \
    RESUME_ENGINE_HOME=/data \
    RESUME_ENGINE_LOG_FORMAT=json \
    WORKER_MODE=false
USER app
WORKDIR /data
VOLUME /data
EXPOSE 8000
ENTRYPOINT ["/usr/local/bin/start.sh"]
