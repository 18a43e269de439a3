#!/usr/bin/env bash
# A release as an MIS gets it: bin/release makes the project's version (without -SNAPSHOT) into a
# folder, then a fresh Maven project (e2e/release-consumer) is built against that folder alone, with
# versions from rules-bom, and run. It must decide with the shipped tables on at most 5 jars and 5 MB,
# keep 1,000 engines' own numbers at 10 KB or less each, and print nothing on stderr; and an application
# on rules-builder must resolve commons-lang3 3.18.0 or later. On the module path, only the API compiles.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' "$root/pom.xml" | head -1)"
version="${version%-SNAPSHOT}"
work="$(mktemp -d)"
# The release's artifacts are fetched from the folder: none from an earlier run may stand in for them.
forget() { rm -rf "$HOME"/.m2/repository/org/safeguarding/*/"$version"; }
trap 'rm -rf "$work"; forget' EXIT
forget
fail() { echo "release.sh: FAILED: $*" >&2; exit 1; }

"$root/bin/release" "$version" "$work/repository" > "$work/released.txt" 2> "$work/release-log.txt" \
  || { cat "$work/release-log.txt" >&2; fail "bin/release $version failed"; }
grep -q "rules-core/$version/rules-core-$version-sources.jar" "$work/released.txt" || fail "no sources jar"
grep -q "rules-core/$version/rules-core-$version-javadoc.jar" "$work/released.txt" || fail "no javadoc jar"

cp -r "$root/e2e/release-consumer" "$work/app"
sed -i "s|@VERSION@|$version|; s|@REPOSITORY@|file://$work/repository|" "$work/app/pom.xml" "$work/app/builder/pom.xml"
(cd "$work/app" && mvn -B -ntp -q package dependency:build-classpath -Dmdep.outputFile=classpath.txt > "$work/build.txt" 2>&1) \
  || { cat "$work/build.txt" >&2; fail "the application does not build against the release folder"; }
classpath="$(cat "$work/app/classpath.txt")"
jars="$(tr ':' '\n' <<< "$classpath" | grep -c '\.jar$')"
bytes="$(tr ':' '\n' <<< "$classpath" | xargs stat -c %s | awk "{ s += \$1 } END { print s }")"
echo "release.sh: the runtime is $jars jars, $bytes bytes: $(tr ':' '\n' <<< "$classpath" | xargs -n1 basename | paste -sd' ')"
[ "$jars" -le 5 ] || fail "$jars jars on the runtime's classpath (at most 5)"
[ "$bytes" -le $((5 * 1024 * 1024)) ] || fail "$bytes bytes on the runtime's classpath (at most 5 MB)"
case "$classpath" in *"$work/repository"*|*"/.m2/"*) ;; *) fail "unexpected classpath: $classpath" ;; esac

status=0
java -cp "$work/app/target/classes:$classpath" org.example.mis.App > "$work/out.txt" 2> "$work/err.txt" || status=$?
cat "$work/out.txt"
[ "$status" -eq 0 ] || fail "the application failed (exit $status)"
[ ! -s "$work/err.txt" ] || { cat "$work/err.txt" >&2; fail "the application wrote to stderr"; }

 # On the module path the compiler keeps the internals out of reach: the API compiles and decides, an import of an
# internal package does not compile.
javac -d "$work/modular" --module-path "$classpath" --module-source-path "$work/app/modular/uses-api" -m org.example.mis \
  || fail "a modular application does not compile against the API"
java --module-path "$classpath:$work/modular" -m org.example.mis/org.example.mis.Modular > "$work/modular-out.txt" 2> "$work/modular-err.txt" \
  || { cat "$work/modular-err.txt" >&2; fail "the modular application failed"; }
cat "$work/modular-out.txt"
grep -qx "modular: EMERGENCY CALL_999" "$work/modular-out.txt" || fail "the modular application did not decide"
[ ! -s "$work/modular-err.txt" ] || { cat "$work/modular-err.txt" >&2; fail "the modular application wrote to stderr"; }
if javac -d "$work/reach" --module-path "$classpath" --module-source-path "$work/app/modular/reaches-inside" -m org.example.bad \
    > "$work/reach.txt" 2>&1; then
  fail "an application compiled against org.safeguarding.rules.engine, which module-info does not export"
fi
grep -q "package org.safeguarding.rules.engine is not visible" "$work/reach.txt" || { cat "$work/reach.txt" >&2; fail "unexpected compiler output"; }
echo "release.sh: on the module path, the API compiles and decides; org.safeguarding.rules.engine is not visible"

(cd "$work/app/builder" && mvn -B -ntp -q dependency:list -DoutputFile=list.txt -DexcludeTransitive=false > "$work/list-build.txt" 2>&1) \
  || { cat "$work/list-build.txt" >&2; fail "rules-builder does not resolve from the release folder"; }
lang="$(grep -o 'org.apache.commons:commons-lang3:jar:[0-9.]*' "$work/app/builder/list.txt" | head -1 | cut -d: -f4)"
echo "release.sh: rules-builder resolves commons-lang3 $lang"
[ -n "$lang" ] && [ "$(printf '%s\n%s\n' 3.18.0 "$lang" | sort -V | head -1)" = 3.18.0 ] || fail "commons-lang3 $lang (3.18.0 or later needed)"
echo "release.sh: release $version builds, decides and stays quiet"
