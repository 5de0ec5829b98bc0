#!/usr/bin/env bash
# Packs the chibo tool that starts at once (issue 17, docs/packaging.md) and proves it from a folder feed:
#   1. packs ChiBo.Cli for the runtimes given (default: this machine's, e.g. linux-x64) with -p:ChiBoToolRuntimes=…:
#      a .NET 10 RID-specific tool — the pointer package ChiBo.Cli and one ChiBo.Cli.<rid> per runtime, self-contained
#      and ReadyToRun-compiled as one composite image with the .NET libraries — into artifacts/fast-packages;
#   2. installs it into artifacts/fast-tool as a user would (`dotnet tool install`, which picks this machine's package);
#   3. checks that it answers exactly what the framework-dependent build answers: every command of
#      scripts/tool-commands.txt (answers, reports, rule files, errors of broken files; stdout, stderr and exit code);
#   4. with --time, times 10 cold `chibo evaluate … --json` and `chibo plan` and prints min / median / max (wall, CPU).
# With --native, each runtime's package is compiled ahead of time to one native program instead (Native AOT,
# -p:ChiBoNativeTool=true: it needs a C toolchain, clang or gcc, to link).
# Usage: scripts/pack-fast-tool.sh [--native] [--time] [RID;RID…]
# (CI runs it with --native; the composite image without it takes minutes to compile and is not run by CI.)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
fail() { echo "pack-fast-tool: FAILED: $*" >&2; exit 1; }
timing=false
native=false
while [ $# -gt 0 ]; do
  case "$1" in
    --time) timing=true; shift ;;
    --native) native=true; shift ;;
    *) break ;;
  esac
done
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) here=linux-x64 ;; Linux-aarch64) here=linux-arm64 ;; Darwin-arm64) here=osx-arm64 ;; Darwin-x86_64) here=osx-x64 ;;
  *) fail "unknown machine $(uname -sm): name the runtime, e.g. scripts/pack-fast-tool.sh linux-x64" ;;
esac
rids="${1:-$here}"
feed=artifacts/fast-packages
tools=artifacts/fast-tool
version="$(dotnet msbuild src/ChiBo.Domain/ChiBo.Domain.csproj -getProperty:Version)"
rm -rf "$feed" "$tools"

flavour=()
$native && flavour=(-p:ChiBoNativeTool=true)
echo "== pack-fast-tool: pack ChiBo.Cli $version for $rids into $feed$($native && echo ' (native)')"
# (ChiBo.Cli.csproj builds it in obj/fast and bin/fast, or obj/native and bin/native, apart from the usual build.)
if $native; then
  # A native program is compiled on a machine of its runtime: each runtime's package with -r, then the pointer package.
  [ "$rids" = "$here" ] || fail "--native packs only this machine's runtime ($here), not $rids"
  dotnet pack samples/ChiBo.Cli/ChiBo.Cli.csproj -c Release -nologo -v q -clp:NoSummary -p:ChiBoToolRuntimes="$rids" "${flavour[@]}" -r "$here" -o "$feed"
fi
dotnet pack samples/ChiBo.Cli/ChiBo.Cli.csproj -c Release -nologo -v q -clp:NoSummary -p:ChiBoToolRuntimes="$rids" "${flavour[@]}" -o "$feed"
[ -f "$feed/ChiBo.Cli.$version.nupkg" ] || fail "no pointer package ChiBo.Cli.$version.nupkg"
[ -f "$feed/ChiBo.Cli.$here.$version.nupkg" ] || fail "no package ChiBo.Cli.$here.$version.nupkg for this machine"
if $native; then
  unzip -Z1 "$feed/ChiBo.Cli.$here.$version.nupkg" | grep -qx "tools/any/$here/chibo" || fail "ChiBo.Cli.$here has no native chibo"
  unzip -Z1 "$feed/ChiBo.Cli.$here.$version.nupkg" | grep -q "chibo.dll$" && fail "ChiBo.Cli.$here carries chibo.dll: not compiled ahead of time"
else
  unzip -Z1 "$feed/ChiBo.Cli.$here.$version.nupkg" | grep -qx "tools/any/$here/chibo.r2r.dll" || fail "ChiBo.Cli.$here has no composite image"
fi

echo "== pack-fast-tool: install from $feed into $tools"
dotnet tool install --tool-path "$tools" --add-source "$feed" ChiBo.Cli --version "$version"
[ "$("$tools/chibo" --version)" = "$version" ] || fail "chibo --version is not $version"
echo "package $(du -h "$feed/ChiBo.Cli.$here.$version.nupkg" | cut -f1), installed $(du -sh "$tools" | cut -f1)"

echo "== pack-fast-tool: the same answers as the framework-dependent build"
dotnet build samples/ChiBo.Cli/ChiBo.Cli.csproj -c Release -nologo -v q -clp:NoSummary
usual=(dotnet samples/ChiBo.Cli/bin/Release/net10.0/chibo.dll)
# Every command of the list, with broken files made from the samples (a rule file, a case file, a cell.json).
bad="$(mktemp -d)"
trap 'rm -rf "$bad"' EXIT
sed '0,/"RuleName"/s//"RuleNam"/' rules/rulesets/2016-qd29.json >"$bad/rule.json"
sed '0,/"type"/s//"typ"/' samples/cases/probationary-member.case.json >"$bad/case.json"
cp -r samples/roster-2019 "$bad/roster"
sed -i '0,/{/s//{"bogus": 1, /' "$bad/roster/cell.json"
n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  read -r -a words <<<"${line//\$BAD/$bad}"
  ue=0; "${usual[@]}" "${words[@]}" >"$bad/u.out" 2>"$bad/u.err" || ue=$?
  te=0; "$tools/chibo" "${words[@]}" >"$bad/t.out" 2>"$bad/t.err" || te=$?
  [ "$ue" = "$te" ] && cmp -s "$bad/u.out" "$bad/t.out" && cmp -s "$bad/u.err" "$bad/t.err" ||
    fail "chibo $line differs from the usual build (exit $ue / $te): $(head -c 300 "$bad/t.err")"
  n=$((n + 1))
done <scripts/tool-commands.txt
[ "$n" -gt 40 ] || fail "only $n commands compared"
echo "ok: $tools/chibo answers as the usual build ($n commands: stdout, stderr, exit code)"

if $timing; then
  stats() { sort -n | awk '{a[NR]=$1} END {printf "min %.2f  median %.2f  max %.2f s", a[1], (a[int((NR+1)/2)]+a[int(NR/2)+1])/2, a[NR]}'; }
  run10() { # LABEL COMMAND…: 10 cold processes
    local label="$1" wall cpu times w u s; shift
    wall=(); cpu=(); times="$(mktemp)"
    for _ in $(seq 10); do
      /usr/bin/time -f '%e %U %S' -o "$times" "$@" >/dev/null 2>&1
      read -r w u s <"$times"
      wall+=("$w"); cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')")
    done
    printf '%-40s wall %s\n' "$label" "$(printf '%s\n' "${wall[@]}" | stats)"
    printf '%-40s  cpu %s\n' "" "$(printf '%s\n' "${cpu[@]}" | stats)"
    rm -f "$times"
  }
  echo "== pack-fast-tool: cold starts, 10 processes each (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  run10 "evaluate CASE --json" "$tools/chibo" evaluate samples/cases/probationary-member.case.json --as-of 2019-06-10 --json
  run10 "plan roster-2019" "$tools/chibo" plan samples/roster-2019 --year 2019
  run10 "due roster-2019" "$tools/chibo" due samples/roster-2019 --as-of 2019-12-31
  run10 "audit roster-2019" "$tools/chibo" audit samples/roster-2019 --year 2019
fi
