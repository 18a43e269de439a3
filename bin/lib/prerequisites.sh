#!/usr/bin/env bash
# What bin/test needs beyond Java 17 and Maven, checked in a second or two before anything runs:
# prints one line per missing thing, "PACKAGE<TAB>what needs it" (PACKAGE is Debian's), and nothing
# when all is there. bin/test stops on any line; .ci/run installs the packages named.
# CHROMIUM: where the browser tests expect Chromium (Debian's, /usr/bin/chromium).
set -uo pipefail
has() { command -v "$1" > /dev/null 2>&1; }
python_has() { /usr/bin/python3 -c "import $1" > /dev/null 2>&1; }
missing() { printf '%s\t%s\n' "$1" "$2"; }

java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
{ [ -n "$java_major" ] && [ "$java_major" -ge 17 ]; } || missing "openjdk-17-jdk" "Java 17 or later builds and runs everything"
has mvn || missing "maven" "Maven builds and runs the Java tests"
has node && has npm || missing "nodejs npm" "Node runs the browser tests (Playwright)"
has curl || missing "curl" "the test scripts wait for the service with it"
has unzip || missing "unzip" "the sign-in test unpacks Keycloak"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing "chromium" "the browser tests drive Debian's headless Chromium (${CHROMIUM:-/usr/bin/chromium})"
has soffice || missing "libreoffice-calc-nogui" "the round trip opens and saves workbooks in LibreOffice"
python_has openpyxl || missing "python3-openpyxl" "the round trip edits workbooks with openpyxl"
python_has uno || missing "python3-uno" "the round trip edits workbooks in LibreOffice as a lead does"
python_has pdfminer || missing "python3-pdfminer" "the printed workbook's check reads its PDF"
has pdftoppm || missing "poppler-utils" "the printed workbook's check renders its pages"
ls /usr/lib/postgresql/*/bin/pg_ctl > /dev/null 2>&1 || missing "postgresql" "the store tests start their own PostgreSQL"
exit 0
