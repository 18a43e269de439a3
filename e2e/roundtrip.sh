#!/usr/bin/env bash
# The lead's spreadsheet programs, for real: the shipped workbook saved by LibreOffice (headless)
# and by openpyxl (the library behind many scripts and online exports) still follows the template
# and decides exactly the same on every combination of facts, with every text unchanged; and an
# edit (a stricter rule and a changed text) made with openpyxl and saved by LibreOffice shows
# exactly those two changes. Needs libreoffice-calc-nogui and python3-openpyxl (.ci/run installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v soffice > /dev/null || { echo "roundtrip: needs LibreOffice (apt-get install -y libreoffice-calc-nogui)" >&2; exit 2; }
/usr/bin/python3 -c "import openpyxl" 2> /dev/null || { echo "roundtrip: needs python3-openpyxl" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shipped=decision-tables/safeguarding-rules.drl.xlsx
name=safeguarding-rules.drl.xlsx
fail() { echo "roundtrip: FAILED: $*" >&2; exit 1; }

# LibreOffice's own profile in the work folder: nothing of the user's is read or changed.
libreoffice_save() { # IN OUT_DIR
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to xlsx --outdir "$2" "$1" > /dev/null 2>&1
  [ -s "$2/$name" ] || fail "LibreOffice wrote no workbook"
}
openpyxl_save() { # IN OUT [python statements editing the workbook wb]
  /usr/bin/python3 -W ignore - "$1" "$2" "${3:-}" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
exec(sys.argv[3])
wb.save(sys.argv[2])
PY
}
unchanged() { # WHO FILE
  bin/rules validate "$2" > "$work/validate.txt" || { cat "$work/validate.txt"; fail "$1: the saved workbook does not validate"; }
  bin/rules diff "$shipped" "$2" > "$work/diff.txt" || { cat "$work/diff.txt"; fail "$1: diff failed"; }
  grep -q "no decision changes" "$work/diff.txt" || { cat "$work/diff.txt"; fail "$1: decisions changed"; }
  ! grep -qE "^(text|CHECK BEFORE)" "$work/diff.txt" || { cat "$work/diff.txt"; fail "$1: texts changed"; }
  echo "roundtrip: $1 save: valid, every decision and every text unchanged"
}

mkdir -p "$work/libreoffice" "$work/openpyxl" "$work/edited" "$work/edited-saved"
libreoffice_save "$shipped" "$work/libreoffice"
unchanged LibreOffice "$work/libreoffice/$name"
openpyxl_save "$shipped" "$work/openpyxl/$name"
unchanged openpyxl "$work/openpyxl/$name"

# P-22 (row 30) is the only rule that handles an incident within the organisation: made to escalate.
new_text="Call the NSPCC Helpline on {NSPCC_HELPLINE} today, for advice on what to do next."
openpyxl_save "$shipped" "$work/edited/$name" "wb['Pathway']['N30'] = 'ESCALATE'; wb['Action texts']['B10'] = '$new_text'"
libreoffice_save "$work/edited/$name" "$work/edited-saved"
bin/rules validate "$work/edited-saved/$name" > /dev/null || fail "the edited workbook does not validate"
bin/rules diff "$shipped" "$work/edited-saved/$name" > "$work/diff.txt" || { cat "$work/diff.txt"; fail "diff of the edit failed"; }
grep -qE "^pathway HANDLE_INTERNALLY → ESCALATE" "$work/diff.txt" || { cat "$work/diff.txt"; fail "the stricter rule is not shown"; }
grep -q "^text Action texts, CONTACT_NSPCC_HELPLINE" "$work/diff.txt" || { cat "$work/diff.txt"; fail "the changed text is not shown"; }
grep -q "after:  Call the NSPCC Helpline on .* today, for advice on what to do next." "$work/diff.txt" \
  || { cat "$work/diff.txt"; fail "the new wording is not shown"; }
# Nothing else: every pathway change is that escalation (the actions follow from it), one text changed.
! grep -E "^(pathway|SAFETY)" "$work/diff.txt" | grep -vqE "^pathway HANDLE_INTERNALLY( \(provisional\))? → ESCALATE:" \
  || { cat "$work/diff.txt"; fail "a pathway changed that the edit did not change"; }
[ "$(grep -cE "^(text|CHECK)" "$work/diff.txt")" -eq 1 ] || { cat "$work/diff.txt"; fail "texts changed that the edit did not change"; }
echo "roundtrip: an edit made with openpyxl and saved by LibreOffice shows exactly its stricter rule and its new text"
