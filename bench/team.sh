#!/usr/bin/env bash
# Benchmark of `vakwijzer team`: generates COUNT (default 10,000) complete eindhoven scans in a
# temporary folder, then times the release binary on them against `cat` of the same files,
# which is the floor for reading them at all. Target: under 2 s for 10,000 scans.
#
#   bench/team.sh              # hyperfine when installed (apt-get install hyperfine), else `time`
#   COUNT=50000 bench/team.sh  # more scans, to see that the time grows in a line
set -euo pipefail
cd "$(dirname "$0")/.."

count=${COUNT:-10000}
cargo build --release --quiet
bin=target/release/vakwijzer
dir=$(mktemp -d)
trap 'rm -rf "$dir" "$dir.json"' EXIT

# The statement ids and the fingerprint of the bundled framework, from an example scan, so the
# generated files are exactly what `vakwijzer scan` writes (no "other version" warnings).
example=data/examples/team/scan-01.yaml
fingerprint=$(sed -n 's/^fingerprint: //p' "$example")
items=$(sed -n 's/^  \([a-z]*\.i[0-9]*\): .*/\1/p' "$example" | tr '\n' ' ')

# Written directly (not through the binary): 40 teams, a few roles, scores around 3.7 with
# some n.v.t., one folder level deep like an organisation's archive.
awk -v count="$count" -v dir="$dir" -v fp="$fingerprint" -v items="$items" 'BEGIN {
  srand(2026)
  n = split(items, ids, " ")
  for (i = 1; i <= count; i++) {
    team = sprintf("team-%02d", i % 40)
    sub_dir = dir "/" team
    if (!(team in made)) { system("mkdir -p " sub_dir); made[team] = 1 }
    file = sprintf("%s/scan-%05d.yaml", sub_dir, i)
    printf "# vakwijzer-resultaat: persoonsgegevens, deel dit bestand alleen met wie het mag zien.\n" > file
    printf "schema: 1\nkind: scan\nframework: eindhoven\nfingerprint: %s\n", fp > file
    printf "name: Persoon %05d\nteam: %s\n", i, team > file
    if (i % 7 != 0) printf "role: generalist\n" > file
    printf "started: 2026-11-%02dT10:00:00Z\nupdated: 2026-11-%02dT10:20:00Z\n", 1 + i % 28, 1 + i % 28 > file
    printf "complete: true\nanswers:\n" > file
    level = 3.2 + rand()
    for (k = 1; k <= n; k++) {
      if (rand() < 0.03) { printf "  %s: nvt\n", ids[k] > file; continue }
      v = int(level + rand() * 2 - 0.5)
      if (v < 1) v = 1
      if (v > 5) v = 5
      printf "  %s: %d\n", ids[k], v > file
    }
    printf "notes: {}\n" > file
    close(file)
  }
}'

files=$(find "$dir" -name '*.yaml' | wc -l)
size=$(du -sh "$dir" | cut -f1)
echo "$files scans, $size, in $dir"
# Before timing: the report counts every scan and shows no name.
"$bin" team "$dir" --by team --format json > "$dir.json"
grep -q "\"scans\": $files," "$dir.json" || { echo "the report does not count $files scans" >&2; exit 1; }
if grep -qE "Persoon [0-9]+" "$dir.json"; then echo "a name shows in the report" >&2; exit 1; fi
rm -f "$dir.json"

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs 5 \
    -n cat "find $dir -name '*.yaml' -exec cat {} + > /dev/null" \
    -n "vakwijzer team" "$bin team $dir > /dev/null" \
    -n "vakwijzer team --by team --format json" "$bin team $dir --by team --format json > /dev/null"
else
  echo "cat:"; time (find "$dir" -name '*.yaml' -exec cat {} + > /dev/null)
  echo "vakwijzer team:"; time ("$bin" team "$dir" > /dev/null)
  echo "vakwijzer team --by team --format json:"; time ("$bin" team "$dir" --by team --format json > /dev/null)
fi
