#!/usr/bin/env bash
# Regenerates rules/schema/case.schema.json from ChiBo.Domain's types (CaseFileSchema.Create) after a change to the
# case file's types; the test The_shipped_schema_is_the_one_made_from_the_types fails until it is regenerated.
set -euo pipefail
cd "$(dirname "$0")/.."
CHIBO_UPDATE_SCHEMA=1 dotnet test tests/ChiBo.Domain.Tests --filter "FullyQualifiedName~The_shipped_schema_is_the_one_made_from_the_types" "$@"
git --no-pager diff --stat -- rules/schema/case.schema.json || true
