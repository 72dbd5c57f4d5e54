#!/usr/bin/python3
# check-brief.py
#
# Copyright 2026 The Mobility Planner authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads the workbooks test-brief wrote with an independent reader (openpyxl)
# and checks them against the expectations test-brief computed from the
# model, passed in a JSON sidecar (see test-brief.c).  Prints TAP; exits 1
# when a check fails, 77 when openpyxl is missing.

import json
import math
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    print("1..0 # SKIP python3-openpyxl is not installed")
    sys.exit(77)

results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))
    return bool(ok)


def close(a, b, tol):
    if a is None or b is None:
        return False
    try:
        a = float(a)
        b = float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)


# OOXML keeps characters XML cannot carry as _xHHHH_ and a literal "_x" as
# _x005F_x (ECMA-376 ST_Xstring).  openpyxl 3.0 turns "_x005F_" back into
# "_" itself but leaves the control-character escapes alone: decode those.
# (Whether a literal "_x0041_" was protected is checked on the raw XML.)
ESCAPE = re.compile(r"_x(00[01][0-9A-Fa-f])_")


def decode(value):
    if isinstance(value, str):
        return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def find_label(ws, label, column=1):
    for row in ws.iter_rows(min_col=column, max_col=column):
        cell = row[0]
        if decode(cell.value) == label:
            return cell.row
    return None


def find_header(ws, header):
    for row in ws.iter_rows():
        for cell in row:
            if decode(cell.value) == header:
                return cell.row, cell.column
    return None, None


def check_workbook(spec):
    path = spec["path"]
    name = spec.get("name", path)
    wb = openpyxl.load_workbook(path)
    wbv = openpyxl.load_workbook(path, data_only=True)

    check(wb.sheetnames == spec["sheets"], f"{name}: sheet names",
          f"got {wb.sheetnames}, expected {spec['sheets']}")

    # Every formula carries a cached value.
    n_formulas = 0
    missing = []
    for ws in wb.worksheets:
        wsv = wbv[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    n_formulas += 1
                    if wsv[cell.coordinate].value is None:
                        missing.append(f"{ws.title}!{cell.coordinate}")
    check(n_formulas >= spec.get("min_formulas", 1) and not missing,
          f"{name}: {n_formulas} formulas, all with cached values", f"missing: {missing[:10]}")

    for title, count in spec.get("charts", {}).items():
        got = len(wb[title]._charts)
        check(got == count, f"{name}: {title} has {count} charts", f"got {got}")

    for ws in wb.worksheets:
        ps = ws.page_setup
        check(str(ps.paperSize) == "9", f"{name}: {ws.title} prints on A4", f"paperSize {ps.paperSize}")
        want = spec.get("orientation", {}).get(ws.title)
        if want is not None:
            check(ps.orientation == want, f"{name}: {ws.title} is {want}", f"got {ps.orientation}")
        fit = ws.sheet_properties.pageSetUpPr
        check(fit is not None and fit.fitToPage, f"{name}: {ws.title} fits to page")
        check(ps.fitToWidth in (None, 1, "1"), f"{name}: {ws.title} is one page wide", f"fitToWidth {ps.fitToWidth}")
        want_h = spec.get("fit_height", {}).get(ws.title, 0)
        got_h = 1 if ps.fitToHeight in (None,) else int(ps.fitToHeight)
        check(got_h == want_h, f"{name}: {ws.title} fitToHeight {want_h}", f"got {ps.fitToHeight}")
        check(bool(ws.print_area), f"{name}: {ws.title} has a print area")
        hf_header = ws.oddHeader.left.text or ""
        hf_footer = (ws.oddFooter.right.text or "") + (ws.oddFooter.center.text or "")
        check(spec["header"] in hf_header, f"{name}: {ws.title} header names the package",
              f"header {hf_header!r}, expected {spec['header']!r}")
        check("&P" in hf_footer and "&N" in hf_footer, f"{name}: {ws.title} footer says page x of y",
              f"footer {hf_footer!r}")
        check(spec["date"] in (ws.oddHeader.right.text or ""), f"{name}: {ws.title} header has the date")
        for table in ws.tables.values():
            check(table.autoFilter is not None and table.autoFilter.ref,
                  f"{name}: {ws.title} table {table.name} has filters")

    for title in spec.get("print_titles", []):
        check(bool(wb[title].print_title_rows), f"{name}: {title} repeats its header row",
              f"print_title_rows {wb[title].print_title_rows!r}")
    for title, cell in spec.get("freeze", {}).items():
        check(wb[title].freeze_panes == cell, f"{name}: {title} frozen at {cell}",
              f"got {wb[title].freeze_panes}")
    for title, count in spec.get("tables", {}).items():
        check(len(wb[title].tables) >= count, f"{name}: {title} has at least {count} tables",
              f"got {len(wb[title].tables)}")

    props = wb.properties
    if "title_contains" in spec:
        check(spec["title_contains"] in (props.title or ""), f"{name}: document title",
              f"title {props.title!r}")
    if "creator" in spec:
        check(props.creator == spec["creator"], f"{name}: document author", f"creator {props.creator!r}")
    check(props.created is not None and props.created.strftime("%Y-%m-%d") == spec["date"],
          f"{name}: document created date", f"created {props.created}")
    check(bool(props.subject), f"{name}: document subject")

    # Values next to a label in column A (or a given label column).
    for item in spec.get("labelled", []):
        ws, wsv = wb[item["sheet"]], wbv[item["sheet"]]
        row = find_label(ws, item["label"], item.get("label_col", 1))
        desc = f"{name}: {item['sheet']} “{item['label']}”"
        if not check(row is not None, desc + " present"):
            continue
        col = item["col"]
        cell, cached = ws.cell(row, col), wsv.cell(row, col).value
        if item.get("formula"):
            check(cell.data_type == "f", desc + " is a formula", f"{cell.value!r}")
        check(close(cached, item["value"], item.get("tol", 1e-6)), desc + " value",
              f"got {cached!r}, expected {item['value']!r}")

    # Totals under a table column.
    for item in spec.get("totals", []):
        ws, wsv = wb[item["sheet"]], wbv[item["sheet"]]
        hrow, hcol = find_header(ws, item["header"])
        desc = f"{name}: {item['sheet']} total of “{item['header']}”"
        if not check(hrow is not None, desc + ": header found"):
            continue
        trow = None
        for r in range(hrow + 1, ws.max_row + 1):
            if decode(ws.cell(r, 1).value) == item["label"]:
                trow = r
                break
        if not check(trow is not None, desc + ": total row found"):
            continue
        cell = ws.cell(trow, hcol)
        check(cell.data_type == "f" and str(cell.value).startswith(item.get("prefix", "=SUM(")),
              desc + " is a live formula", f"{cell.value!r}")
        check(close(wsv.cell(trow, hcol).value, item["value"], item.get("tol", 1e-6)), desc + " cached value",
              f"got {wsv.cell(trow, hcol).value!r}, expected {item['value']!r}")

    # A column of a table, row by row.
    for item in spec.get("columns", []):
        ws, wsv = wb[item["sheet"]], wbv[item["sheet"]]
        hrow, hcol = find_header(ws, item["header"])
        desc = f"{name}: {item['sheet']} column “{item['header']}”"
        if not check(hrow is not None, desc + ": header found"):
            continue
        got = [wsv.cell(hrow + 1 + i, hcol).value for i in range(len(item["values"]))]
        check(all(close(g, e, item.get("tol", 1e-6)) for g, e in zip(got, item["values"])),
              desc + " values", f"got {got}, expected {item['values']}")
        if item.get("formula"):
            check(all(ws.cell(hrow + 1 + i, hcol).data_type == "f" for i in range(len(item["values"]))),
                  desc + " are formulas")

    # User text stays text, exactly.
    for item in spec.get("strings", []):
        ws = wb[item["sheet"]]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cells.setdefault(decode(cell.value), cell)
        for text in item["values"]:
            cell = cells.get(text)
            check(cell is not None and cell.data_type == "s",
                  f"{name}: {item['sheet']} keeps {text!r} as a string",
                  "" if cell is None else f"type {cell.data_type}")

    for item in spec.get("contains", []):
        ws = wb[item["sheet"]]
        texts = [decode(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        found = any(item["text"] in t for t in texts)
        near = [t for t in texts if item["text"][:8] in t]
        check(found, f"{name}: {item['sheet']} contains {item['text']!r}", f"near: {near[:3]!r}")

    if spec.get("raw_strings"):
        with zipfile.ZipFile(path) as z:
            raw = z.read("xl/sharedStrings.xml").decode("utf-8")
        for text in spec["raw_strings"]:
            check(text in raw, f"{name}: shared strings hold {text!r}")

    hostile = spec.get("never_in_formulas", [])
    if hostile:
        forms = set()
        for h in hostile:
            forms.update({h, "=" + h, "=" + h.lstrip("=+-@\t\r")})
        bad = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f" and str(cell.value) in forms:
                        bad.append(f"{ws.title}!{cell.coordinate}")
        check(not bad, f"{name}: no formula is made of user text", f"{bad[:10]}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    for workbook in spec["workbooks"]:
        try:
            check_workbook(workbook)
        except Exception as e:  # a broken workbook is a failure, not a crash
            check(False, f"{workbook.get('name', workbook['path'])}: readable", repr(e))

    print(f"1..{len(results)}")
    failed = 0
    for i, (ok, desc, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {desc}")
        if not ok:
            failed += 1
            if detail:
                print(f"# {detail}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
