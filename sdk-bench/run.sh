#!/usr/bin/env bash
# Runs the JMH benchmarks on JDK 17 and, when installed, JDK 25, then prints the report tables.
# Usage: sdk-bench/run.sh [JMH regex, default: all]   (from the repository root, after `mvn -B -ntp package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -ntp package -DskipTests" >&2; exit 2; }
FILTER=${1:-.}
mkdir -p results
JDK17=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -1 || true)}
args=()
"$JDK17/bin/java" -jar "$JAR" "$FILTER" -rf json -rff results/jdk17.json | tee results/jdk17.txt
args+=("JDK 17=results/jdk17.json")
if [ -n "$JDK25" ] && [ -x "$JDK25/bin/java" ]; then
  "$JDK25/bin/java" -jar "$JAR" "$FILTER" -rf json -rff results/jdk25.json | tee results/jdk25.txt
  args+=("JDK 25=results/jdk25.json")
fi
"$JDK17/bin/java" -cp "$JAR" org.zwfw.sdk.bench.Report "${args[@]}" | tee results/report.md
