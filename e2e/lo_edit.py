"""Edits a workbook with LibreOffice itself (headless, through its UNO bridge) and saves it as
.xlsx, as a lead's LibreOffice Calc would:
  python3 e2e/lo_edit.py [--password=SECRET] [--filter=NAME] IN OUT 'Sheet!A1=value' ...
A cell may be named by the key in its row's column A instead of its row number, e.g.
'Action texts!B[DO_NOT_VIEW_IMAGERY]=...' or 'Actions!G[A-22]='. Whole rows are inserted or deleted
as a lead does it (Sheet > Insert Rows / Delete Rows): 'Policy!row 9=insert', 'Action texts!row [CALL_999]=delete'.
'Contacts!B10=typed:01632960123' enters a value as if typed, so the cell's format decides what it becomes. An empty value empties the cell; --password saves it encrypted, as 'Save with password' does
(LibreOffice 7.4 encrypts .xls and .ods, not .xlsx); --filter picks another format, e.g. 'MS Excel 97'.
Uses a LibreOffice profile of its own in a temporary folder."""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def row_of(sheet, key):
    """The 1-based row whose column A holds key (the first one): the row a rule ID or code names."""
    for row in range(0, 1000):
        if sheet.getCellByPosition(0, row).getString().strip() == key:
            return row + 1
    sys.exit("no row with %s in column A of %s" % (key, sheet.Name))


def main(source, target, edits, password=None, save_filter="Calc MS Excel 2007 XML"):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "safeguarding_edit_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--norestore", "--nologo", "--nodefault",
                               "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(300):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if context is None:
            sys.exit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        for edit in edits:
            where, value = edit.split("=", 1)
            sheet, cell = where.rsplit("!", 1)
            if cell.startswith("row "):
                rows = doc.Sheets.getByName(sheet).Rows
                key = cell[4:].strip()
                index = row_of(doc.Sheets.getByName(sheet), key[1:-1]) - 1 if key.startswith("[") else int(key) - 1
                if value == "insert":
                    rows.insertByIndex(index, 1)
                elif value == "delete":
                    rows.removeByIndex(index, 1)
                else:
                    sys.exit("a row is inserted or deleted, not " + value)
                continue
            if cell.endswith("]"):
                column, key = cell[:-1].split("[", 1)
                cell = column + str(row_of(doc.Sheets.getByName(sheet), key))
            target_cell = doc.Sheets.getByName(sheet).getCellRangeByName(cell)
            if value.startswith("typed:"):
                target_cell.setFormula(value[6:])  # as if typed: the cell's format decides whether 0163... stays text
            elif value:
                target_cell.setString(value)
            else:
                target_cell.setFormula("")
        options = [prop("FilterName", save_filter)] + ([prop("Password", password)] if password else [])
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), tuple(options))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with LibreOffice
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
        subprocess.run(["rm", "-rf", profile])


if __name__ == "__main__":
    args = sys.argv[1:]
    options = {}
    while args and args[0].startswith("--"):
        key, value = args.pop(0)[2:].split("=", 1)
        options[key] = value
    main(args[0], args[1], args[2:], options.get("password"), options.get("filter", "Calc MS Excel 2007 XML"))
