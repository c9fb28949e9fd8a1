# A small image with prinsipp, for GitLab's `image:` and other container-based CI:
#   docker build -t prinsipp .            (PRINSIPP_DOCS_URL: where docs/regler.md is published)
#   docker run --rm -v "$PWD:/work" -w /work prinsipp check kommune
# The build is the project's own source at the checked-out revision, with Cargo.lock.
FROM rust:1-slim-bookworm AS build
ARG PRINSIPP_DOCS_URL=
ENV PRINSIPP_DOCS_URL=${PRINSIPP_DOCS_URL}
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY rules rules
COPY benches benches
COPY bench bench
RUN cargo build --release --locked --bin prinsipp

FROM debian:bookworm-slim
# git: `prinsipp report --historikk` reads a kommune folder's history.
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/prinsipp /usr/local/bin/prinsipp
ENTRYPOINT ["prinsipp"]
