#!/usr/bin/env bash
# The shipped workbook, printed as a lead prints it: LibreOffice (headless) exports it to PDF with
# the workbook's own print set-up, and every page is checked: no text smaller than 8 pt, the
# footer (file, date printed, page of pages) on every page, and the table header repeated on
# every page of the Pathway, Actions, Questions and Policy sheets, with every condition of a rule on
# one page (the first and the last condition column always on the same page); the text sheets'
# codes beside their texts on every page, and long texts printed whole. The footer's date is drawn by
# the printing program in the computer's own regional format: printed as on a UK computer, it
# must read day first (3 December 2026 as 03/12/2026). Writes the Pathway sheet's first page
# as a picture to e2e/out/printed-pathway.png (the one in docs/editing-tables.md).
# Needs libreoffice-calc-nogui, python3-pdfminer and poppler-utils (.ci/run installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v soffice > /dev/null || { echo "print: needs LibreOffice (apt-get install -y libreoffice-calc-nogui)" >&2; exit 2; }
/usr/bin/python3 -c "import pdfminer" 2> /dev/null || { echo "print: needs python3-pdfminer" >&2; exit 2; }
command -v pdftoppm > /dev/null || { echo "print: needs poppler-utils" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
LANG=en_GB.UTF-8 LC_ALL=en_GB.UTF-8 soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" \
  decision-tables/safeguarding-rules.drl.xlsx > /dev/null 2>&1
pdf="$work/safeguarding-rules.drl.pdf"
[ -s "$pdf" ] || { echo "print: FAILED: LibreOffice wrote no PDF" >&2; exit 1; }
first_pathway=$(/usr/bin/python3 - "$pdf" decision-tables/safeguarding-rules.drl.xlsx <<'PY'
import datetime, re, sys, warnings
import openpyxl
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

def walk(item, sizes, texts):
    if isinstance(item, LTChar):
        # A header turned upright is measured across, its font's height as it prints.
        sizes.append(item.size if item.upright else item.width)
    if isinstance(item, LTTextContainer):
        texts.append(item.get_text())
    if hasattr(item, "__iter__") and not isinstance(item, LTChar):
        for child in item:
            walk(child, sizes, texts)

TEXT_HEADERS = {"Action texts": ("Action", "What to do", "Only on this pathway"), "Question texts": ("Ask about", "Question", "Why it matters"),
                "Summaries": ("Pathway", "Provisional?", "Summary"), "Contacts": ("Name", "Value", "What it is")}
def lines(item):
    if isinstance(item, LTTextLine):
        yield item
    elif hasattr(item, "__iter__") and not isinstance(item, LTChar):
        for child in item:
            yield from lines(child)

# The first and last condition headers of each rule sheet, as the workbook has them (row 8, from D to
# the column before the guidance). Columns print in order, so if both are on a page, all between are.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    book = openpyxl.load_workbook(sys.argv[2], read_only=True)
CONDITIONS = {}
for name in ("Pathway", "Actions", "Questions", "Policy"):
    header = [c.value for c in next(book[name].iter_rows(min_row=8, max_row=8))]
    while header and header[-1] is None:
        header.pop()
    CONDITIONS[name] = (str(header[3]).split(), str(header[-2]).split())

def in_header_band(page, words):
    """Whether every word of a header is printed in the table's header row: below the top of its
    "Rule ID" and above the first rule's ID."""
    all_lines = list(lines(page))
    header = [l.y1 for l in all_lines if l.get_text().startswith("Rule ID")]
    rows = [l.y1 for l in all_lines if re.match(r"[A-Z]+-[0-9]{2}", l.get_text())]
    if not header:
        return False
    top = max(header)
    bottom = max((y for y in rows if y < top), default=0)
    band = " ".join(l.get_text() for l in all_lines if bottom < l.y1 <= top + 2).split()
    return all(word in band for word in words)

# LibreOffice printed a moment ago: on a run that crosses midnight, that was yesterday.
dates = [(datetime.date.today() - datetime.timedelta(days=back)).strftime("%d/%m/%Y") for back in (0, 1)]
failures, first_pathway, pages, whole = [], None, 0, []
for number, page in enumerate(extract_pages(sys.argv[1]), start=1):
    pages += 1
    sizes, texts = [], []
    walk(page, sizes, texts)
    text = "".join(texts)
    sheet = next((s for s in ("Read me", "Pathway", "Actions", "Questions", "Policy", "Action texts", "Question texts", "Summaries", "Contacts")
                  if "Safeguarding decision tables: " + s in text), "?")
    if sizes and min(sizes) < 8:
        failures.append("page %d (%s): text at %.1f pt" % (number, sheet, min(sizes)))
    if "Printed" not in text or "Page %d of" % number not in text:
        failures.append("page %d (%s): no footer with the date and page number" % (number, sheet))
    elif not any("Printed " + date in text for date in dates):
        failures.append("page %d (%s): the footer's date is not %s, day first" % (number, sheet, dates[0]))
    if sheet in CONDITIONS:
        first, last = (in_header_band(page, words) for words in CONDITIONS[sheet])
        if first != last:
            failures.append("page %d (%s): a rule's conditions are split across pages (first condition %s, last %s)"
                            % (number, sheet, "here" if first else "elsewhere", "here" if last else "elsewhere"))
    if sheet in ("Pathway", "Actions", "Questions", "Policy") and "Rule ID" not in text:
        failures.append("page %d (%s): the table header is not repeated" % (number, sheet))
    # A text sheet prints its codes beside their texts: every column's header on every page (issue 25:
    # Action texts used to print its texts on pages without their codes).
    for header in TEXT_HEADERS.get(sheet, ()):
        if header not in " ".join(text.split()):
            failures.append("page %d (%s): the column '%s' is not on this page" % (number, sheet, header))
    whole.append(" ".join(text.split()))
    if sheet == "Pathway" and first_pathway is None:
        first_pathway = number
    print("page %d: %s, smallest text %.1f pt" % (number, sheet, min(sizes) if sizes else 0), file=sys.stderr)
# Nothing cut off: a long text is printed whole, its row as tall as its wrapped lines.
for full in ("Your local authority designated officer (LADO): concerns or allegations about staff or volunteers. Fill this in.",
             "Do not investigate or question the member of staff before you have spoken to the LADO."):
    if full not in " ".join(whole):
        failures.append("not printed whole: " + full)
if failures or not first_pathway:
    print("\n".join(failures or ["no Pathway page"]), file=sys.stderr)
    sys.exit(1)
print(first_pathway)
PY
) || { echo "print: FAILED: the printed workbook is not legible (above)" >&2; exit 1; }
mkdir -p e2e/out
pdftoppm -f "$first_pathway" -l "$first_pathway" -r 60 -png -singlefile "$pdf" e2e/out/printed-pathway
echo "print: every page of the printed workbook has text of 8 pt or more, its footer with a UK date, (tables) its header and each rule's conditions together, (texts) every column; long texts whole; e2e/out/printed-pathway.png"
