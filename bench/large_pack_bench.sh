#!/usr/bin/env bash
# Builds a 1,000-rule pack on the bundled pack's vocabulary, with one scenario per rule, and
# times `contra lint` and `contra test` on it (issue #3: each under a second). Prints the median
# of RUNS runs of each, measured alternately.
#
#   bench/large_pack_bench.sh CONTRA_BINARY [RULES] [RUNS]
set -euo pipefail
binary=$(realpath "$1")
rules=${2:-1000}
runs=${3:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
pack=$(mktemp -d)
trap 'rm -rf "$pack"' EXIT
mkdir -p "$pack/tests"
cp "$root"/rules/{sites,facts,modalities,predicates}.yaml "$pack/"
cat > "$pack/pack.yaml" <<YAML
pack:
  name: large-bench-pack
  version: 0.0.1
  files: [sites.yaml, facts.yaml, modalities.yaml, predicates.yaml, rules.yaml]
YAML
yes_no=(sudden_breathlessness chest_pain leg_warmth hard_painful_vein fever smoker red_streaks
        estrogen_medication recent_long_journey easy_bruising_or_bleeding)
sites=(varicose_vein_sites broken_skin_sites spider_vein_sites pustule_sites bruise_sites)
levels=(proceed_with_precautions postpone_and_refer do_not_massage emergency)
{
  echo "rules:"
  for ((i = 0; i < rules; i++)); do
    a=${yes_no[i % ${#yes_no[@]}]}
    b=${yes_no[(i / ${#yes_no[@]} + 1) % ${#yes_no[@]}]}
    s=${sites[i % ${#sites[@]}]}
    age=$((20 + i % 70))
    cat <<YAML
  - id: B$i
    name: bench_rule_$i
    title: Bench rule $i
    level: ${levels[i % 4]}
    when:
      all:
        - any: [{fact: $a, eq: "yes"}, {fact: $b, eq: "yes"}]
        - {fact: age_years, gte: $age}
        - {has_sites: {in_area: {fact: $s}}}
        - {predicate: leg_work}
    avoid: {with_distal: {in_area: {fact: $s}}}
    action: Bench action $i.
    rationale: Generated for the benchmark.
    sources: [bench]
YAML
  done
} > "$pack/rules.yaml"
{
  echo "scenarios:"
  for ((i = 0; i < rules; i++)); do
    a=${yes_no[i % ${#yes_no[@]}]}
    s=${sites[i % ${#sites[@]}]}
    cat <<YAML
  - name: bench rule $i fires
    profile: {modality: vascular_leg_massage, $a: "yes", age_years: 95, $s: [calf_left]}
    expect: {not_fired: [B$(((i + 1) % rules))]}
YAML
  done
} > "$pack/tests/scenarios.yaml"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
lint_times=()
test_times=()
for ((r = 0; r < runs; r++)); do
  lint_times+=("$(time_ms "$binary" lint "$pack")")
  test_times+=("$(time_ms "$binary" test "$pack")")
done
echo "pack: $rules rules, $rules scenarios ($(du -sh "$pack" | cut -f1))"
echo "contra lint: median $(printf '%s\n' "${lint_times[@]}" | median) ms over $runs runs (target under 1000 ms)"
echo "contra test: median $(printf '%s\n' "${test_times[@]}" | median) ms over $runs runs (target under 1000 ms)"
"$binary" lint "$pack" | tail -1
"$binary" test "$pack" | tail -2
