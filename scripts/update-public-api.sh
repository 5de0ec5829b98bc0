#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of the libraries from the current code, then builds them to prove the
# files match. Run it after changing a public type or member, and review the diff of PublicAPI.*.txt: that
# diff is the change to ChiBo's public surface.
#
#   scripts/update-public-api.sh                      # both libraries
#   scripts/update-public-api.sh src/ChiBo.Rules/ChiBo.Rules.csproj
#
# How: PublicAPI.Unshipped.txt is reset to its '#nullable enable' header (keeping any '*REMOVED*' lines, the
# record of a shipped API taken out on purpose), then the PublicApiAnalyzers code fix for RS0016 ("symbol is
# not part of the declared API") is applied with 'dotnet format analyzers', which writes every public symbol
# not in PublicAPI.Shipped.txt with its nullable annotations (records' generated members included).
# PublicAPI.Shipped.txt is never touched: at a release, move the Unshipped lines into it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  projects=(src/ChiBo.Domain/ChiBo.Domain.csproj src/ChiBo.Rules/ChiBo.Rules.csproj src/ChiBo.Reports/ChiBo.Reports.csproj)
fi

header='#nullable enable'
for project in "${projects[@]}"; do
  dir="$(dirname "$project")"
  shipped="$dir/PublicAPI.Shipped.txt"
  unshipped="$dir/PublicAPI.Unshipped.txt"
  [ -f "$shipped" ] || printf '%s\n' "$header" > "$shipped"
  removed="$(grep -E '^\*REMOVED\*' "$unshipped" 2>/dev/null || true)"
  { printf '%s\n' "$header"; if [ -n "$removed" ]; then printf '%s\n' "$removed"; fi; } > "$unshipped"

  echo "update-public-api: $project"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn
  [ -z "$(tail -c 1 "$unshipped")" ] || echo >>"$unshipped"   # the code fix leaves no final newline
done

# The proof: the libraries build with warnings as errors, so any API drift left (RS0016, RS0017, RS0036, …) fails here.
status=0
for project in "${projects[@]}"; do
  log="$(mktemp)"
  if ! dotnet build "$project" --no-restore -nologo -clp:NoSummary >"$log" 2>&1; then
    status=1
    grep -E 'error|warning' "$log" | sort -u || cat "$log"
    if grep -q 'RS0017' "$log"; then
      echo "update-public-api: a symbol of PublicAPI.Shipped.txt no longer exists (RS0017). If that is intended," >&2
      echo "  add it to $(dirname "$project")/PublicAPI.Unshipped.txt as '*REMOVED*<the line>' and rerun." >&2
    fi
  fi
  rm -f "$log"
done
[ "$status" -eq 0 ] && echo "update-public-api: done; review 'git diff -- \"src/*/PublicAPI.*.txt\"'"
exit "$status"
