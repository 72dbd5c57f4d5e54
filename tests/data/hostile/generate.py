#!/usr/bin/python3
# generate.py
#
# Copyright 2026 The Mobility Planner authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the hostile inputs of tests/data/hostile/ (see README.md).  The files
# are checked in; run this from tests/data/hostile/ to make them again.  The
# large or derived ones (100,000 nested '[', a garbled or truncated copy of a
# real document, a newer or tampered document) are made at test time by
# tests/check-hostile.sh instead.

import copy
import json
import sqlite3
import os

BASE = {
    "format": "mobility-planner-package", "version": 1,
    "name": "Hostile base",
    "description": "A small valid package the hostile files are made from.",
    "partners": ["MAR"], "start_year": 2027, "horizon": 5,
    "schemes": [{
        "name": "Seasonal work", "kind": "seasonal", "partner": "MAR",
        "sector": "agriculture_horticulture", "quota": 100, "first_year": 2027,
        "intake_years": 3, "months": 6, "stays": 2, "mandatory_return": True,
        "training_months": 1, "home_track_ratio": 0, "cost_per_participant": 3000,
        "employer_share": 0.5, "recruitment_fees": 0, "language_support": True,
        "complaints_channel": True, "reintegration_support": True,
        "g2g_health_support": False, "return_incentives": False}],
    "offers": [], "asks": [], "tranches": [], "assumptions": {},
    "nl_weights": {"shortage": 3, "return": 3, "irregular": 3, "cost": 3, "net_migration": 3},
    "draws": 0, "seed": 1,
}

# Hostile but valid text: must be accepted and kept as text everywhere.
FORMULAS = {
    "name": "=HYPERLINK(\"http://evil.example/\",\"Click here\")",
    "description": "'); DROP TABLE packages;--",
    "scheme": "@SUM(1)",
    "scheme2": "+cmd|' /C calc'!A0",
    "offer_note": "-2+3",
    "ask_note": "=1+1",
}


def dump(o):
    return json.dumps(o, indent=1, ensure_ascii=False) + "\n"


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def variant(**changes):
    b = copy.deepcopy(BASE)
    for key, value in changes.items():
        b[key] = value
    return b


def with_scheme(**changes):
    b = copy.deepcopy(BASE)
    b["schemes"][0].update(changes)
    return b


def json_files():
    s = dump(BASE)
    inner = {k: v for k, v in BASE.items() if k not in ("format", "version")}
    j = lambda name, data: write("json/" + name, data)

    j("truncated.json", s[: len(s) // 2])
    j("wrong-type-quota.json", dump(with_scheme(quota="100")))
    j("wrong-type-partners.json", dump(variant(partners="MAR")))
    j("wrong-type-schemes.json", dump(variant(schemes={"name": "x"})))
    j("huge-number.json", s.replace('"quota": 100', '"quota": 1e400'))
    j("nan.json", s.replace('"quota": 100', '"quota": NaN'))
    j("infinity.json", s.replace('"quota": 100', '"quota": Infinity'))
    j("negative-quota.json", dump(with_scheme(quota=-100)))
    j("huge-quota.json", dump(with_scheme(quota=1e300)))
    j("huge-integer.json", s.replace('"horizon": 5', '"horizon": 123456789012345678901234567890'))
    j("latin1.json", s.replace("Hostile base", "Coopération à l'étranger").encode("latin-1"))
    j("utf16.json", s.encode("utf-16"))
    j("invalid-utf8.json", s.replace("Hostile base", "Bad \udcff\udcfe bytes").encode("utf-8", "surrogateescape"))
    j("nul-byte.json", s.replace("Hostile base", "Nul\0byte").encode())
    j("bom-utf16be.json", b"\xfe\xff" + s.encode("utf-16-be"))
    j("duplicate-key.json", s.replace('"name": "Hostile base",', '"name": "Hostile base", "name": "Again",'))
    j("unknown-field.json", s.replace('"horizon": 5', '"horizon": 5, "admin": true'))
    b = variant(partners=["XXX"])
    b["schemes"][0]["partner"] = "XXX"
    j("unknown-partner.json", dump(b))
    sql = "'); DROP TABLE packages;--"
    b = variant(partners=[sql])
    b["schemes"][0]["partner"] = sql
    j("sql-in-partner-code.json", dump(b))
    j("formula-in-sector-code.json", dump(with_scheme(sector='=HYPERLINK("http://evil.example")')))
    j("empty.json", b"")
    j("not-json.json", "iso3,indicator,value,year,source\nMAR,population,1,2025,x\n")
    j("top-level-array.json", "[]")
    j("top-level-string.json", '"mobility-planner-package"')
    j("wrong-format.json", dump(variant(format="something-else")))
    j("newer-version.json", dump(variant(version=2)))
    j("name-too-long.json", dump(variant(name="N" * 1001)))
    j("name-blank.json", dump(variant(name="   ")))
    j("settle-plus-overstay.json", dump(variant(assumptions={
        "settlement-share": {"low": 0.5, "mode": 0.6, "high": 0.7},
        "overstay": {"low": 0.3, "mode": 0.4, "high": 0.5}})))
    j("range-out-of-order.json", dump(variant(assumptions={
        "fill-rate": {"low": 0.9, "mode": 0.5, "high": 0.7}})))
    j("vdem-thresholds-inverted.json", dump(variant(assumptions={
        "vdem-high-risk": {"low": 0.8, "mode": 0.8, "high": 0.8}})))
    j("months-13.json", dump(with_scheme(months=13)))
    b = copy.deepcopy(BASE)
    b["schemes"].append(copy.deepcopy(b["schemes"][0]))
    j("duplicate-scheme-name.json", dump(b))
    j("tranche-unknown-scheme.json", dump(variant(tranches=[{
        "label": "More", "scheme": "No such scheme", "release_year": 2028,
        "extra_quota": 10, "condition": "return_readmission"}])))
    j("deep-nesting-64.json", "[" * 64 + "]" * 64)
    j("deep-in-description.json", s.replace(
        '"A small valid package the hostile files are made from."', "[" * 40 + "]" * 40))
    j("bundle-one-bad-package.json", dump({
        "format": "mobility-planner-packages", "version": 1,
        "packages": [inner, dict(inner, name="Second", partners=["ZZZ"])]}))
    j("bundle-bad-embedded-partner.json", dump({
        "format": "mobility-planner-packages", "version": 1, "packages": [inner],
        "partners": [{"iso3": "ZZA", "name": "Evil",
                      "indicators": {"population": {"value": -5, "year": 2025, "source": "x"}}}]}))
    j("escape-lone-surrogate.json", s.replace("Hostile base", "Lone \\ud800 surrogate"))
    j("escape-nul.json", s.replace("Hostile base", "Nul \\u0000 escape"))
    # Raw DEL and C1 controls (U+009B is a terminal CSI) in field names, and
    # escaped ones in a key.
    j("control-characters-in-field-name.json",
      s.replace('"horizon": 5', '"hori\x7fzon\u009b[2J": 5'))
    j("escaped-controls-in-field-name.json",
      s.replace('"horizon": 5', '"\\u001b[2J\\u0007": 5'))


def csv_files():
    header = "iso3,indicator,value,year,source\n"
    c = lambda name, data: write("csv/" + name, data)

    c("utf16.csv", (header + "MAR,population,38430771,2025,UTF-16 source\n").encode("utf-16"))
    c("latin1.csv", (header + "MAR,population,38430771,2025,Banque de données société\n").encode("latin-1"))
    c("invalid-utf8.csv", header.encode() + b"MAR,population,38430771,2025,bad \xff\xfe bytes\n")
    c("nul-byte.csv", header.encode() + b"MAR,population,38430771,2025,nul\0byte\n")
    c("huge-number.csv", header + "MAR,population,1e400,2025,x\n")
    c("huge-finite-number.csv", header + "MAR,population,1e300,2025,x\n")
    c("nan.csv", header + "MAR,population,NaN,2025,x\n")
    c("inf.csv", header + "MAR,population,inf,2025,x\n")
    c("negative-infinity.csv", header + "MAR,median_age,-Infinity,2025,x\n")
    c("hex-number.csv", header + "MAR,population,0x10,2025,x\n")
    c("thousands-separator.csv", header + "MAR,population,\"38,430,771\",2025,x\n")
    c("year-out-of-range.csv", header + "MAR,population,38430771,99999,x\n")
    c("sql-in-iso3.csv", header + "'); DROP TABLE packages;--,population,1,2025,x\n")
    c("formula-in-iso3.csv", header + "\"=HYPERLINK(\"\"http://evil.example\"\")\",population,1,2025,x\n")
    c("formula-in-value.csv", header + "MAR,population,=1+1,2025,x\n")
    c("unknown-indicator.csv", header + "MAR,admin_password,1,2025,x\n")
    c("empty.csv", b"")
    c("bom-only.csv", b"\xef\xbb\xbf")
    c("wrong-header.csv", "country,indicator,value\nMAR,population,1\n")
    c("unterminated-quote.csv", header + "MAR,population,1,2025,\"unterminated\n")
    c("separator-at-end.csv", header + "MAR,population,")
    c("too-many-fields.csv", header + "MAR,population,1,2025,x,extra\n")
    c("duplicate-row.csv", header + "MAR,population,1000,2025,x\nMAR,population,1000,2025,x\n")
    c("binary.csv", bytes(range(256)))


def accepted_files():
    write("accepted/base.json", dump(BASE))
    b = copy.deepcopy(BASE)
    b["name"] = FORMULAS["name"]
    b["description"] = FORMULAS["description"]
    b["schemes"][0]["name"] = FORMULAS["scheme"]
    second = copy.deepcopy(b["schemes"][0])
    second["name"] = FORMULAS["scheme2"]
    b["schemes"].append(second)
    b["offers"] = [{"kind": "investment", "partner": "MAR", "sector": None, "amount": 1000000,
                    "jobs": 0, "note": FORMULAS["offer_note"]}]
    b["asks"] = [{"kind": "information_campaigns", "partner": "MAR", "returns_low": 0,
                  "returns_mode": 0, "returns_high": 0, "level": 1, "note": FORMULAS["ask_note"]}]
    write("accepted/formula-names.json", dump(b))
    # Control characters (ESC sequences, BEL, C1 CSI) in names and notes: valid
    # JSON, accepted, but never written raw to a terminal by the CLI.
    c = copy.deepcopy(BASE)
    c["name"] = "Evil \u001b[2J\u001b[31mred\u001b[0m \u0007bell \u009b6n"
    c["schemes"][0]["name"] = "Scheme \u001b]0;title\u0007"
    c["offers"] = [{"kind": "investment", "partner": "MAR", "sector": None, "amount": 1000,
                    "jobs": 0, "note": "note \u001b[5m"}]
    write("accepted/control-characters.json", dump(c))
    write("accepted/formula-sources.csv",
          "iso3,indicator,value,year,source\n"
          "MAR,population,38430771,2025,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\"\n"
          "TUN,population,12200000,2025,'); DROP TABLE packages;--\n"
          "EGY,median_age,24.5,2024,@SUM(1)\n")


def mplan_files():
    m = lambda name: "mplan/" + name

    for name in os.listdir("mplan"):
        os.unlink(m(name))
    write(m("zero-bytes.mplan"), b"")
    write(m("text.mplan"), "This is a text file with the .mplan extension.\n")
    write(m("header-only.mplan"), b"SQLite format 3\0" + b"\x00" * 84)
    # A valid SQLite header with an impossible page size (3 bytes).
    write(m("bad-page-size.mplan"), b"SQLite format 3\0\x00\x03" + b"\x01" * 82 + b"\x00" * 412)

    # A valid SQLite database of another application.
    con = sqlite3.connect(m("foreign-app.mplan"))
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT)")
    con.execute("INSERT INTO moz_places (url, title) VALUES ('https://example.org', 'Example')")
    con.commit()
    con.close()

    # Mobility Planner's application id, but no format version.
    con = sqlite3.connect(m("no-version.mplan"))
    con.execute("PRAGMA application_id = %d" % 0x4D506C6E)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.commit()
    con.close()

    # Mobility Planner's application id and version, but none of its tables.
    con = sqlite3.connect(m("wrong-tables.mplan"))
    con.execute("PRAGMA application_id = %d" % 0x4D506C6E)
    con.execute("PRAGMA user_version = 2")
    con.execute("CREATE TABLE packages (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO packages (name) VALUES ('''); DROP TABLE packages;--')")
    con.commit()
    con.close()

    # A garbled schema whose SQLite error message quotes invalid UTF-8 and a
    # C1 control character (found by fuzz-document).
    con = sqlite3.connect(m("garbled-schema.mplan"))
    con.execute("PRAGMA application_id = %d" % 0x4D506C6E)
    con.execute("PRAGMA user_version = 2")
    con.execute("CREATE TABLE package (id INTEGER PRIMARY KEY, name TEXT) STRICT")
    con.commit()
    con.execute("PRAGMA writable_schema = ON")
    bad = b"CREATE TABLE package(id INTEGER PRIMARY KEY, name T\xff\xfe\xc2\x9b31m) STRICT"
    con.execute("UPDATE sqlite_master SET sql = CAST(X'%s' AS TEXT) WHERE name = 'package'" % bad.hex())
    con.commit()
    con.close()


if __name__ == "__main__":
    for d in ("json", "csv", "mplan", "accepted"):
        os.makedirs(d, exist_ok=True)
    json_files()
    csv_files()
    accepted_files()
    mplan_files()
