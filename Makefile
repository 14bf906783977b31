# ecom-deploy: the two commands a newcomer needs are `make setup` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help setup test lint unit integration demo demo-down bench docs build

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: ## Install every tool into ~/.cache/ecom-deploy (idempotent; first run builds OpenTofu and the AWS provider)
	@scripts/setup.sh

test: setup ## Run every suite (lint, unit, integration); ends with "N passed, N failed, N skipped"
	@scripts/test.sh all

lint: setup ## Formatting, clippy, tofu validate, tflint, checkov, actionlint
	@scripts/test.sh lint

unit: setup ## Rust unit tests, tofu test (mock providers), pytest
	@scripts/test.sh unit

integration: setup ## The built binary against moto; env plans against moto
	@scripts/test.sh integration

build: ## Build the release binary
	@cargo build --release --quiet

demo: setup ## The whole shop on local AWS: apply env/dev, seed, deploy both apps with the action, serve the storefront
	@scripts/demo.sh

demo-down: ## Stop everything `make demo` started
	@scripts/demo-down.sh

bench: setup ## Print benchmark figures (binary size, zip throughput, deploy calls)
	@scripts/with-local-aws.sh scripts/bench.sh

docs: setup ## Regenerate the inputs/outputs tables in the module READMEs
	@scripts/tf-docs.sh
