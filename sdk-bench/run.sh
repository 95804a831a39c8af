#!/usr/bin/env bash
# Runs the JMH benchmarks and the paired-ratio harness on JDK 17 and, when installed, JDK 25,
# then prints the report tables. From the repository root, after `mvn -B -ntp package -DskipTests`:
#   sdk-bench/run.sh [JMH regex, default: all]
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -ntp package -DskipTests" >&2; exit 2; }
FILTER=${1:-.}
mkdir -p results
JDK17=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -1 || true)}
jdks=("17=$JDK17")
if [ -n "$JDK25" ] && [ -x "$JDK25/bin/java" ]; then
  jdks+=("25=$JDK25")
fi
args=()
for entry in "${jdks[@]}"; do
  v=${entry%%=*}
  home=${entry#*=}
  "$home/bin/java" -jar "$JAR" "$FILTER" -rf json -rff "results/jdk$v.json" | tee "results/jdk$v.txt"
  args+=("JDK $v=results/jdk$v.json")
done
for entry in "${jdks[@]}"; do
  v=${entry%%=*}
  home=${entry#*=}
  "$home/bin/java" -cp "$JAR" org.zwfw.sdk.bench.PairedRatio 60 | tee "results/paired-jdk$v.txt"
done
"$JDK17/bin/java" -cp "$JAR" org.zwfw.sdk.bench.Report "${args[@]}" | tee results/report.md
