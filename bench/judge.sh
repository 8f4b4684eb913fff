#!/usr/bin/env bash
# The service's judging step alone: HOSTS hosts (default 100,000) judged under every policy in policies/, each host
# from scratch vs one long-lived engine that remembers distinct offers (bench/JudgeBench.java). No network.
# Usage: bench/judge.sh [HOSTS] [ROUNDS]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >/dev/null
CP="target/classes:target/test-classes:$(cat target/runtime-classpath.txt)"
javac -d target/bench-classes -cp "$CP" bench/JudgeBench.java
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "target/bench-classes:$CP" JudgeBench "${1:-100000}" "${2:-3}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
