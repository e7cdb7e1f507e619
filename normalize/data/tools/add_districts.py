#!/usr/bin/env python3
"""Adds England's current non-metropolitan districts to the shipped LA register.

Usage: add_districts.py UK_LOCAL_AUTHORITIES_CSV DATA_DIR

UK_LOCAL_AUTHORITIES_CSV is mySociety's data/uk_local_authorities.csv
(github.com/mysociety/uk_local_authority_names_and_codes; the commit used is in PROVENANCE.md).
DATA_DIR is normalize/data/. The script is idempotent: it rewrites la_register.csv with the
columns `tier` and `county_gss_code` for every row and the districts (la_type
`non_metropolitan_district`, no DfE code: districts have no children's services) after the
upper-tier and single-tier rows, and appends each district's council name (and the register's
other spellings of it) to aliases.csv once. Nothing is downloaded: run it on a local copy.
"""

import csv
import sys

TIER = {
    "county": "upper",
    "non_metropolitan_district": "lower",
    "unitary": "single",
    "metropolitan_district": "single",
    "london_borough": "single",
}

# ONS spells these districts differently from mySociety's "nice" name.
NAME_FIXES = {
    "E07000146": "King's Lynn and West Norfolk",
    "E07000138": "Lincoln",
}
# Other names of a district that readers use, beyond the council name (kind, alias).
EXTRA_ALIASES = {
    "E07000146": [("short_name", "Kings Lynn and West Norfolk"), ("short_name", "West Norfolk")],
    "E07000138": [("council_name", "City of Lincoln Council")],
    "E07000240": [("council_name", "St Albans City and District Council")],
    "E07000112": [("council_name", "Shepway District Council"), ("short_name", "Shepway")],
}


def main(source, data_dir):
    ms = list(csv.DictReader(open(source, newline="", encoding="utf-8")))
    by_three = {r["local-authority-code"]: r for r in ms}
    reg_path = data_dir + "/la_register.csv"
    rows = [r for r in csv.DictReader(open(reg_path, newline="", encoding="utf-8"))
            if r["la_type"] != "non_metropolitan_district"]
    by_code = {r["gss_code"]: r for r in rows}
    districts = sorted(
        (r for r in ms if r["nation"] == "England" and r["current-authority"] == "True"
         and r["local-authority-type"] == "NMD"),
        key=lambda r: r["gss-code"])
    out = []
    for r in rows:
        r["tier"] = TIER[r["la_type"]]
        r["county_gss_code"] = ""
        out.append(r)
    aliases = []
    for d in districts:
        code = d["gss-code"]
        county = by_three[d["county-la"]]["gss-code"]
        if county not in by_code or by_code[county]["la_type"] != "county":
            sys.exit(f"{code}: county {county} is not a county in the register")
        region = by_code[county]["region"]  # the register's regions win (mySociety has slips)
        name = NAME_FIXES.get(code, d["nice-name"])
        out.append({"gss_code": code, "name": name, "la_type": "non_metropolitan_district",
                    "region": region, "dfe_la_code": "", "tier": "lower",
                    "county_gss_code": county})
        aliases.append((code, d["official-name"], "council_name"))
        for alt in d["alt-names"].split(","):
            alt = alt.strip()
            if alt and alt != alt.lower() and alt != name and alt != d["official-name"]:
                aliases.append((code, alt, "short_name"))
        for kind, alias in EXTRA_ALIASES.get(code, []):
            aliases.append((code, alias, kind))
    fields = ["gss_code", "name", "la_type", "region", "dfe_la_code", "tier", "county_gss_code"]
    with open(reg_path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\r\n")
        w.writeheader()
        w.writerows(out)

    alias_path = data_dir + "/aliases.csv"
    existing = list(csv.reader(open(alias_path, newline="", encoding="utf-8")))
    seen = {(r[0], r[1]) for r in existing[1:]}
    with open(alias_path, "a", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        for code, alias, kind in aliases:
            if (code, alias) not in seen:
                seen.add((code, alias))
                w.writerow([code, alias, kind])
    print(f"{len(out)} LAs ({len(districts)} districts); {len(seen)} aliases")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
