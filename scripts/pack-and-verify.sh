#!/usr/bin/env bash
# Packs ChiBo the way it ships and proves the packages work from a folder feed, as a user would consume them:
#   1. packs ChiBo.Domain, ChiBo.Rules, ChiBo.Reports (with symbols) and the chibo tool into artifacts/packages;
#   2. checks what is inside each package (unzip -l): assemblies, XML docs, README, licence, repository,
#      symbols, the embedded rule sets, the tool's layout;
#   3. installs the tool from that folder into artifacts/tools and runs `chibo --help` and `chibo evaluate`;
#   4. builds and runs samples/ChiBo.HostSample against the packages (PackageReference, restored into an
#      emptied artifacts/host-packages, so a cached package of the same version cannot hide a mistake);
#   5. prints the package sizes.
# Usage: scripts/pack-and-verify.sh        (from anywhere; .ci/run calls it after the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The installed tool's launcher finds the runtime through DOTNET_ROOT wherever the SDK lives.
DOTNET_ROOT="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
export DOTNET_ROOT

start=$SECONDS
feed=artifacts/packages
tools=artifacts/tools
host=samples/ChiBo.HostSample
config="$host/nuget.config"   # ChiBo.* from $feed only, everything else from nuget.org
step() { printf '\n== pack-and-verify: %s\n' "$*"; }
fail() { echo "pack-and-verify: FAILED: $*" >&2; exit 1; }

version="$(dotnet msbuild src/ChiBo.Domain/ChiBo.Domain.csproj -getProperty:Version)"
[ -n "$version" ] || fail "could not read the version from Directory.Build.props"
rm -rf "$feed" "$tools" artifacts/host-packages "$host/bin" "$host/obj"

step "pack ChiBo $version (Release) into $feed"
# One build of the tool builds both libraries; then each project packs its own output.
dotnet build samples/ChiBo.Cli/ChiBo.Cli.csproj -c Release -nologo -v q -clp:NoSummary
for project in src/ChiBo.Domain/ChiBo.Domain.csproj src/ChiBo.Rules/ChiBo.Rules.csproj src/ChiBo.Reports/ChiBo.Reports.csproj samples/ChiBo.Cli/ChiBo.Cli.csproj; do
  dotnet pack "$project" -c Release --no-build -nologo -v q -clp:NoSummary
done

step "check the packages' contents"
expect_entry() { # PACKAGE ENTRY…: each entry must be in the package
  local package="$1" listing
  shift
  listing="$(unzip -Z1 "$package")"
  for entry in "$@"; do
    grep -qxF "$entry" <<<"$listing" || fail "$(basename "$package") lacks $entry"
  done
}
expect_nuspec() { # PACKAGE PATTERN…: each extended regex must match the nuspec
  local package="$1" nuspec
  shift
  nuspec="$(unzip -p "$package" '*.nuspec')"
  for pattern in "$@"; do
    grep -qE "$pattern" <<<"$nuspec" || fail "$(basename "$package"): nuspec does not match '$pattern'"
  done
}

expected="ChiBo.Cli.$version.nupkg ChiBo.Cli.$version.snupkg ChiBo.Domain.$version.nupkg ChiBo.Domain.$version.snupkg ChiBo.Reports.$version.nupkg ChiBo.Reports.$version.snupkg ChiBo.Rules.$version.nupkg ChiBo.Rules.$version.snupkg"
actual="$(cd "$feed" && ls | sort | tr '\n' ' ' | sed 's/ $//')"
[ "$actual" = "$expected" ] || fail "expected exactly: $expected; found: $actual"

metadata=('<license type="expression">MIT</license>' '<readme>PACKAGE.md</readme>' '<authors>ChiBo contributors</authors>'
          '<description>.+</description>' '<tags>.*chibo.*</tags>' '<repository type="git" url="https://github.com/[^"]+"[^>]* commit="[0-9a-f]{40}"')
for lib in ChiBo.Domain ChiBo.Rules ChiBo.Reports; do
  nupkg="$feed/$lib.$version.nupkg"
  expect_entry "$nupkg" "lib/net10.0/$lib.dll" "lib/net10.0/$lib.xml" PACKAGE.md
  expect_nuspec "$nupkg" "<id>$lib</id>" "<version>$version</version>" "${metadata[@]}"
  expect_entry "$feed/$lib.$version.snupkg" "lib/net10.0/$lib.pdb"
  # SourceLink: the pdb maps the sources to the repository at the built commit.
  # (grep reads to the end, not -q: under pipefail an early exit would fail unzip with SIGPIPE, at random.)
  unzip -p "$feed/$lib.$version.snupkg" "lib/net10.0/$lib.pdb" | grep -aE 'raw\.githubusercontent\.com/[^"]+/[0-9a-f]{40}/' >/dev/null \
    || fail "$lib.pdb has no SourceLink map"
done
expect_nuspec "$feed/ChiBo.Rules.$version.nupkg" "<dependency id=\"ChiBo.Domain\" version=\"\\[?$version" '<dependency id="RulesEngine"'
expect_nuspec "$feed/ChiBo.Domain.$version.nupkg" '<dependency id="NodaTime"'
expect_nuspec "$feed/ChiBo.Reports.$version.nupkg" "<dependency id=\"ChiBo.Domain\" version=\"\\[?$version"

# The shipped rule sets ride inside ChiBo.Rules.dll as resources ChiBo.Rules.RuleSets.<file>.
rulesets=(rules/rulesets/*.json)
if [ -e "${rulesets[0]}" ]; then
  rules_dll="$(mktemp)"
  unzip -p "$feed/ChiBo.Rules.$version.nupkg" lib/net10.0/ChiBo.Rules.dll >"$rules_dll"
  for file in "${rulesets[@]}"; do
    grep -aqF "ChiBo.Rules.RuleSets.$(basename "$file")" "$rules_dll" || fail "ChiBo.Rules.dll does not embed $file"
  done
  rm -f "$rules_dll"
  echo "ChiBo.Rules embeds ${#rulesets[@]} rule set(s) from rules/rulesets"
else
  echo "no rules/rulesets/*.json yet: nothing to embed in ChiBo.Rules"
fi

cli="$feed/ChiBo.Cli.$version.nupkg"
expect_entry "$cli" tools/net10.0/any/chibo.dll tools/net10.0/any/DotnetToolSettings.xml tools/net10.0/any/ChiBo.Domain.dll tools/net10.0/any/ChiBo.Rules.dll tools/net10.0/any/ChiBo.Reports.dll PACKAGE.md
expect_nuspec "$cli" '<id>ChiBo.Cli</id>' '<packageType name="DotnetTool"' "${metadata[@]}"
echo "ok: ChiBo.Domain, ChiBo.Rules, ChiBo.Reports, ChiBo.Cli $version"

step "install the tool from $feed into $tools"
dotnet tool install --tool-path "$tools" --configfile "$config" ChiBo.Cli --version "$version"
"$tools/chibo" --help
[ "$("$tools/chibo" --version)" = "$version" ] || fail "chibo --version is not $version"
"$tools/chibo" evaluate samples/cases/student-turned-18.case.json --as-of 2019-06-10 --lang en

step "build and run $host against the packages"
dotnet build "$host/ChiBo.HostSample.csproj" -c Release -nologo -v q -clp:NoSummary
for lib in ChiBo.Domain ChiBo.Rules ChiBo.Reports; do
  lower="$(tr '[:upper:]' '[:lower:]' <<<"$lib")"
  restored="artifacts/host-packages/$lower/$version/$lower.$version.nupkg"
  [ -f "$restored" ] || fail "$host did not restore $lib $version into artifacts/host-packages"
  [ "$(sha256sum <"$restored")" = "$(sha256sum <"$feed/$lib.$version.nupkg")" ] || fail "$host restored a $lib that is not the one just packed"
done
dotnet "$host/bin/Release/net10.0/ChiBo.HostSample.dll" samples/cases --as-of 2019-06-10

step "package sizes (bytes)"
(cd "$feed" && for f in *; do printf '%10d  %s\n' "$(stat -c %s "$f")" "$f"; done)
echo "pack-and-verify: ok in $((SECONDS - start)) s"
