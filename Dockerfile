# ecom-deploy container action image.
# Build stage: the same x86_64-unknown-linux-gnu target the tests run.
FROM rust:1.95-bookworm AS build
COPY Cargo.toml Cargo.lock /src/
COPY src /src/src
COPY contract /src/contract
RUN cargo build --release --locked --manifest-path /src/Cargo.toml \
 && cp /src/target/release/ecom-deploy /ecom-deploy

# Runtime: distroless with glibc and libgcc only (no shell, no package manager).
# GitHub runs container actions as root with the workspace mounted; the image
# sets no USER and no WORKDIR, as GitHub's Dockerfile rules for actions ask.
FROM gcr.io/distroless/cc-debian12
COPY --from=build /ecom-deploy /usr/local/bin/ecom-deploy
ENTRYPOINT ["/usr/local/bin/ecom-deploy"]
