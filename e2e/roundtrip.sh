#!/usr/bin/env bash
# The lead's spreadsheet programs, for real:
# (a) the shipped workbook saved by LibreOffice (headless; as .xlsx, and through .ods back to .xlsx)
#     still follows the template and decides exactly the same on every combination of facts,
#     with every text unchanged; (d) its drop-downs (data validation) survive;
# (b) an edit made in LibreOffice itself (through its UNO bridge: a stricter rule and a changed
#     text) shows exactly those two changes in bin/rules diff;
# (c) a laxer edit made the same way is a safety regression in bin/rules diff, and refused at
#     upload by the service, which keeps its active version;
# (e) a workbook saved by openpyxl (the library behind many scripts and online exports) validates;
# and files in other formats (.ods, .xls, .csv and a password-protected workbook saved by
# LibreOffice; a .numbers file and a lock file) are refused with how to save an .xlsx, by
# bin/rules and at upload, where nothing is written to the store.
# Needs libreoffice-calc-nogui, python3-uno and python3-openpyxl (.ci/run installs them), and the
# packaged service.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v soffice > /dev/null || { echo "roundtrip: needs LibreOffice (apt-get install -y libreoffice-calc-nogui)" >&2; exit 2; }
/usr/bin/python3 -c "import openpyxl" 2> /dev/null || { echo "roundtrip: needs python3-openpyxl" >&2; exit 2; }
work="$(mktemp -d)"
service_pid=
trap 'kill $service_pid 2> /dev/null || true; wait $service_pid 2> /dev/null || true; rm -rf "$work"' EXIT
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
  grep -q "No decision changes" "$work/diff.txt" || { cat "$work/diff.txt"; fail "$1: decisions changed"; }
  ! grep -qE "^(text|CHECK BEFORE)" "$work/diff.txt" || { cat "$work/diff.txt"; fail "$1: texts changed"; }
  echo "roundtrip: $1 save: valid, every decision and every text unchanged"
}

mkdir -p "$work/libreoffice" "$work/openpyxl" "$work/edited" "$work/edited-saved" "$work/ods" "$work/from-ods" "$work/rows" "$work/policy-added" "$work/policy-deleted" "$work/no-999" "$work/typed"
libreoffice_save "$shipped" "$work/libreoffice"
unchanged LibreOffice "$work/libreoffice/$name"
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to ods --outdir "$work/ods" "$shipped" > /dev/null 2>&1
[ -s "$work/ods/${name%.xlsx}.ods" ] || fail "LibreOffice wrote no .ods"
libreoffice_save "$work/ods/${name%.xlsx}.ods" "$work/from-ods"
unchanged "LibreOffice .xlsx → .ods → .xlsx" "$work/from-ods/$name"

# (d) Every drop-down of the shipped workbook is still there, on the same cells, with the same choices.
dropdowns() { # WHO FILE
  /usr/bin/python3 -W ignore - "$shipped" "$2" <<'PY' || fail "$1: drop-downs lost"
import sys, openpyxl
def lists(path):
    found = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        for dv in ws.data_validations.dataValidation:
            choices = (dv.formula1 or "").strip('"').replace(" ", "")
            for cells in dv.sqref.ranges:
                for row in ws.iter_rows(min_row=cells.min_row, max_row=cells.max_row, min_col=cells.min_col, max_col=cells.max_col):
                    for cell in row:
                        found[(ws.title, cell.coordinate)] = choices
    return found
shipped, saved = lists(sys.argv[1]), lists(sys.argv[2])
missing = [k for k, v in shipped.items() if saved.get(k) != v]
if not shipped or missing:
    sys.exit("%d of %d drop-down cells lost or changed, e.g. %s" % (len(missing), len(shipped), missing[:3]))
print("%d drop-down cells kept" % len(shipped))
PY
}
echo "roundtrip: LibreOffice .xlsx save: $(dropdowns "LibreOffice" "$work/libreoffice/$name")"
echo "roundtrip: LibreOffice .ods round trip: $(dropdowns "LibreOffice .ods" "$work/from-ods/$name")"
openpyxl_save "$shipped" "$work/openpyxl/$name"
unchanged openpyxl "$work/openpyxl/$name"

# (f) Rows inserted and deleted in LibreOffice itself, as any lead does (issue 25: LibreOffice then writes an
# empty row at 1,048,576, which was refused as "more than 10000 rows"): a blank row inserted and deleted
# again on the Pathway and Policy sheets, and a Policy rule added, saved, then deleted, all validate.
/usr/bin/python3 e2e/lo_edit.py "$shipped" "$work/rows/$name" "Pathway!row 12=insert" "Pathway!row 12=delete" \
  "Policy!row 9=insert" "Policy!row 9=delete" || fail "LibreOffice could not insert and delete rows"
bin/rules validate "$work/rows/$name" > "$work/validate.txt" || { cat "$work/validate.txt"; fail "a row inserted and deleted again: does not validate"; }
/usr/bin/python3 e2e/lo_edit.py "$shipped" "$work/policy-added/$name" "Policy!A9=L-01" "Policy!B9=Our policy: every incident is referred" \
  "Policy!C9=ESCALATE" "Policy!P9=Our child protection policy, section 4" || fail "LibreOffice could not add a Policy rule"
bin/rules validate "$work/policy-added/$name" > "$work/validate.txt" || { cat "$work/validate.txt"; fail "a Policy rule added: does not validate"; }
/usr/bin/python3 e2e/lo_edit.py "$work/policy-added/$name" "$work/policy-deleted/$name" "Policy!row [L-01]=delete" \
  || fail "LibreOffice could not delete the Policy rule"
bin/rules validate "$work/policy-deleted/$name" > "$work/validate.txt" || { cat "$work/validate.txt"; fail "a Policy rule deleted: does not validate"; }
# A needed row deleted is named for what it is, never as a missing sheet.
/usr/bin/python3 e2e/lo_edit.py "$shipped" "$work/no-999/$name" "Action texts!row [CALL_999]=delete" || fail "LibreOffice could not delete a row"
bin/rules validate "$work/no-999/$name" > "$work/validate.txt" 2>&1 && { cat "$work/validate.txt"; fail "the workbook without CALL_999's text validated"; }
grep -q "CALL_999" "$work/validate.txt" || { cat "$work/validate.txt"; fail "the missing CALL_999 text is not named"; }
! grep -qE "is missing. Add it back|more than 10000 rows" "$work/validate.txt" || { cat "$work/validate.txt"; fail "a deleted row reported as a missing sheet or too many rows"; }
echo "roundtrip: rows inserted and deleted in LibreOffice validate; a deleted CALL_999 text is named as such"

# (g) Phone numbers typed in LibreOffice as a lead types them: the LADO number 01632960123 keeps its 0 (the
# Contacts values ship formatted as Text) or is refused naming its cell, never silently lost; 101 raises nothing.
/usr/bin/python3 e2e/lo_edit.py "$shipped" "$work/typed/$name" "Contacts!B10=typed:01632960123" "Contacts!B3=typed:101" \
  || fail "LibreOffice could not type the numbers"
if bin/rules validate "$work/typed/$name" > "$work/validate.txt" 2>&1; then
  bin/rules diff "$shipped" "$work/typed/$name" > "$work/diff.txt" || { cat "$work/diff.txt"; fail "diff of the typed numbers failed"; }
  grep -q "01632960123" "$work/diff.txt" || { cat "$work/diff.txt"; fail "the LADO number lost its 0 without a word"; }
  echo "roundtrip: a LADO number typed in LibreOffice keeps its leading 0"
else
  grep -q "cell B10" "$work/validate.txt" || { cat "$work/validate.txt"; fail "a refused number does not name its cell"; }
  echo "roundtrip: a LADO number typed in LibreOffice without its 0 is refused, naming cell B10"
fi
! grep -E "B3|POLICE_NON_EMERGENCY" "$work/validate.txt" || { cat "$work/validate.txt"; fail "101 typed as a number was flagged"; }

# (b) Edited in LibreOffice itself: P-22, the only rule that handles an incident within
# the organisation, made to escalate; the NSPCC helpline text reworded (cells found by rule ID and action code).
new_text="Call the NSPCC Helpline on {NSPCC_HELPLINE} today, for advice on what to do next."
/usr/bin/python3 e2e/lo_edit.py "$shipped" "$work/edited-saved/$name" "Pathway!C[P-22]=ESCALATE" "Action texts!B[CONTACT_NSPCC_HELPLINE]=$new_text" \
  || fail "LibreOffice could not make the edit"
bin/rules validate "$work/edited-saved/$name" > /dev/null || fail "the edited workbook does not validate"
bin/rules diff "$shipped" "$work/edited-saved/$name" > "$work/diff.txt" || { cat "$work/diff.txt"; fail "diff of the edit failed"; }
grep -qE "^The pathway changes from HANDLE_INTERNALLY to ESCALATE" "$work/diff.txt" || { cat "$work/diff.txt"; fail "the stricter rule is not shown"; }
grep -q "^text Action texts, CONTACT_NSPCC_HELPLINE" "$work/diff.txt" || { cat "$work/diff.txt"; fail "the changed text is not shown"; }
grep -q "after:  Call the NSPCC Helpline on .* today, for advice on what to do next." "$work/diff.txt" \
  || { cat "$work/diff.txt"; fail "the new wording is not shown"; }
# Nothing else: every pathway change is that escalation (the actions follow from it), one text changed.
! grep -E "^The pathway" "$work/diff.txt" | grep -vqE "^The pathway changes from HANDLE_INTERNALLY( \(provisional\))? to ESCALATE," \
  || { cat "$work/diff.txt"; fail "a pathway changed that the edit did not change"; }
# A provisional decision made firm loses the advice for establishing the facts: every lost action is marked less
# safe (issue 23), and these two are the only ones this edit takes away.
! grep -E "^SAFETY" "$work/diff.txt" | grep -vqE "^SAFETY REGRESSION \(less safe\): No longer gives the action (INITIAL_REVIEW_MEETING|CONTACT_NSPCC_HELPLINE)," \
  || { cat "$work/diff.txt"; fail "the edit takes away advice it should not"; }
grep -q "^SAFETY REGRESSION (less safe): No longer gives the action INITIAL_REVIEW_MEETING" "$work/diff.txt" \
  || { cat "$work/diff.txt"; fail "the lost initial review meeting is not marked less safe"; }
[ "$(grep -cE "^(text|CHECK)" "$work/diff.txt")" -eq 1 ] || { cat "$work/diff.txt"; fail "texts changed that the edit did not change"; }
echo "roundtrip: an edit made in LibreOffice shows exactly its stricter rule and its new text"

# (c) A laxer edit made in LibreOffice: P-09 (not everyone consented) handled within the organisation.
mkdir -p "$work/laxer"
/usr/bin/python3 e2e/lo_edit.py "$shipped" "$work/laxer/$name" "Pathway!C[P-09]=HANDLE_INTERNALLY" || fail "LibreOffice could not make the laxer edit"
bin/rules diff "$shipped" "$work/laxer/$name" > "$work/laxer.txt" && { cat "$work/laxer.txt"; fail "diff did not flag the laxer edit"; }
grep -q "^SAFETY REGRESSION" "$work/laxer.txt" || grep -qi "safety regression" "$work/laxer.txt" || { cat "$work/laxer.txt"; fail "the laxer edit is not a safety regression"; }
echo "roundtrip: a laxer edit made in LibreOffice is a safety regression in bin/rules diff"

# The service: the laxer edit refused at upload; other formats refused before anything is stored.
. bin/lib/service.sh
export SAFEGUARDING_KEYS="$work/keys"
admin=$(bin/rules token --role rules-admin)
port="${E2E_ROUNDTRIP_PORT:-18098}"
start_service "$port" "$work/store" "$work/keys" "$work/service.log"
base="http://127.0.0.1:$port/api/v1"
upload() { # FILE NAME -> prints the status code; the body is in $work/upload.json
  curl -s -o "$work/upload.json" -w '%{http_code}' -H "Authorization: Bearer $admin" -F "workbook=@$1;filename=$2" \
    -F "uploadedBy=Round trip" -F "note=$2" "$base/rulesets"
}
active=$(curl -sf -H "Authorization: Bearer $admin" "$base/rulesets" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["active"])')
[ "$(upload "$work/laxer/$name" "$name")" = 201 ] || { cat "$work/upload.json"; fail "the laxer upload was not checked"; }
/usr/bin/python3 - "$work/upload.json" <<'PY' || fail "the laxer upload was not refused for safety"
import json, sys
version = json.load(open(sys.argv[1]))
assert version["passed"] is False, "it passed"
assert version["report"]["safety"]["safe"] is False, "the safety analysis did not fail"
PY
laxer_sha=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sha256"])' "$work/upload.json")
status=$(curl -s -o /dev/null -w '%{http_code}' -XPOST -H "Authorization: Bearer $admin" "$base/rulesets/$laxer_sha/activate?confirmed=true")
[ "$status" = 409 ] || fail "the laxer version could be activated ($status)"
now=$(curl -sf -H "Authorization: Bearer $admin" "$base/rulesets" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["active"])')
[ "$now" = "$active" ] || fail "the active version changed"
echo "roundtrip: the laxer edit is refused at upload (safety analysis failed) and cannot be activated"

mkdir -p "$work/formats"
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to ods --outdir "$work/formats" "$shipped" > /dev/null 2>&1
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to xls --outdir "$work/formats" "$shipped" > /dev/null 2>&1
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to csv --outdir "$work/formats" "$shipped" > /dev/null 2>&1
/usr/bin/python3 e2e/lo_edit.py --password=a-secret "--filter=MS Excel 97" "$shipped" "$work/formats/protected.xls" \
  || fail "LibreOffice could not save with a password"
cp "$work/formats/protected.xls" "$work/formats/protected.drl.xlsx" # a password-protected workbook that kept its .xlsx name
# No Apple Numbers here: a .numbers file is a zip package, imitated; the lock file is Excel's, imitated (165 bytes).
(cd "$work/formats" && cp "$work/from-ods/$name" x.zip && mv x.zip "safeguarding-rules.drl.numbers")
head -c 165 /dev/urandom > "$work/formats/~\$safeguarding-rules.drl.xlsx"
before=$(find "$work/store" -type f | sort | sha256sum)
for file in "$work/formats/${name%.xlsx}.ods" "$work/formats/${name%.xlsx}.xls" "$work/formats/${name%.xlsx}.csv" \
    "$work/formats/protected.drl.xlsx" "$work/formats/safeguarding-rules.drl.numbers" "$work/formats/~\$safeguarding-rules.drl.xlsx"; do
  [ -s "$file" ] || fail "$(basename "$file") was not made"
  shown=$(basename "$file")
  bin/rules validate "$file" > "$work/validate.txt" 2>&1 && { cat "$work/validate.txt"; fail "$shown validated"; }
  grep -qE "Excel Workbook|lock file" "$work/validate.txt" || { cat "$work/validate.txt"; fail "$shown: bin/rules does not say how to save it"; }
  code=$(upload "$file" "$shown")
  [ "$code" = 422 ] || { cat "$work/upload.json"; fail "$shown: upload answered $code, not 422"; }
  grep -qE "Excel Workbook|lock file" "$work/upload.json" || { cat "$work/upload.json"; fail "$shown: the refusal does not say how to save it"; }
  echo "roundtrip: $shown refused by bin/rules and at upload: $(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["errors"][0]["message"][:90])' "$work/upload.json")…"
done
[ "$(find "$work/store" -type f | sort | sha256sum)" = "$before" ] || fail "a refused file changed the store"
echo "roundtrip: nothing was written to the store for any of them"
