#!/usr/bin/env python3
"""Benchmark workloads for report-site (and, for the Markdown one, for Hugo and Eleventy).

Usage:
  gen-workload.py markdown N OUTDIR     N Markdown pages, written for report-site, Hugo and Eleventy
  gen-workload.py report T R OUTDIR     T data tables of R rows, each placed on a note page and cited
                                        by a narrative page (report-site only)
  gen-workload.py table R OUTDIR        one data table of R rows (subtotals of 100 rows, a checked total of
                                        the subtotals), placed on a note page and cited by a review page

markdown writes (page i depends only on i, so the 250-page set is a prefix of the 1000-page set):
  OUTDIR/report-site/content/      report.json + narrative/index.md + narrative/posts/page-NNNNN.md
  OUTDIR/report-site/templates/    one minimal layout (title, date, content), like the peers' layouts, and
                                   the project's templates of tables and generated pages
  OUTDIR/report-site/static/       empty (the peers' sites copy no assets either)
  OUTDIR/hugo/                     Hugo site, content/posts/*.md
  OUTDIR/eleventy/                 Eleventy site, posts/*.md
The page shape is the one of the well-known "which generator builds Markdown the fastest" benchmark:
title and date front matter, lorem paragraphs (~1.4 KB of Markdown), a heading, a 4-item list, a link,
bold and italic, and a 3x3 table. Our front matter has no date: the date becomes `order` (yyyymmdd, so
the navigation lists pages by date) and `summary` (shown in the layout's <time>, like the peers do).

report writes OUTDIR/report-site/content/ only (the project's own templates are used for it).
Python 3 standard library only.
"""
import datetime
import json
import os
import random
import shutil
import sys

WORDS = (
    "lorem ipsum dolor sit amet consectetur adipisicing elit sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud "
    "exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure "
    "in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
    "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum"
).split()

EPOCH = datetime.date(2020, 1, 1)

OUR_LAYOUT = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title th:text="${page.title}">Title</title></head>
<body>
<main>
<h1 th:id="${page.headingId}" th:text="${page.heading}">Title</h1>
<p><time th:text="${page.description}">date</time></p>
<div class="content" th:utext="${content}">Content</div>
</main>
</body>
</html>
"""

HUGO_CONFIG = """baseURL = "http://example.org/"
title = "bench"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

HUGO_LAYOUT = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<main>
<h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time></p>
{{ .Content }}
</main>
</body>
</html>
"""

ELEVENTY_LAYOUT = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<main>
<h1>{{ title }}</h1>
<p><time>{{ page.date.toISOString().slice(0, 10) }}</time></p>
{{ content | safe }}
</main>
</body>
</html>
"""


def sentence(rng, lo=6, hi=16):
    w = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(w).capitalize() + "."


def paragraph(rng, lo=3, hi=5):
    return " ".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def md_page(i):
    """(slug, title, date, body) of page i (1-based); depends only on i."""
    rng = random.Random(i)
    title = " ".join(rng.choice(WORDS) for _ in range(5))
    date = EPOCH + datetime.timedelta(days=i % 2000)
    heading = " ".join(rng.choice(WORDS) for _ in range(3)).capitalize()
    items = ["- " + sentence(rng, 3, 7) for _ in range(4)]
    rows = ["| %s | %d | %.1f%% |" % (name, rng.randint(10, 9999), rng.uniform(-20, 20)) for name in ("alpha", "beta", "gamma")]
    body = "\n".join([
        paragraph(rng), "",
        "## " + heading, "",
        paragraph(rng), "",
        *items, "",
        "%s See [the reference %d](https://example.com/ref/%d) for **details** and *context*." % (sentence(rng), i, i), "",
        "| Metric | Value | Change |",
        "|--------|------:|-------:|",
        *rows, "",
        paragraph(rng), "",
    ])
    return "page-%05d" % i, title, date, body


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def report_json(navigation, title="Benchmark report"):
    return json.dumps({
        "issuer": {"name": "Bench Corp", "stockCodes": []},
        "title": title,
        "shortTitle": title,
        "period": {"id": "y2", "label": "Year 2", "end": "2025-12-31"},
        "comparativePeriods": [{"id": "y1", "label": "Year 1", "end": "2024-12-31"}],
        "currency": "RMB",
        "baseUrl": None,
        "navigation": navigation,
    }, indent=2) + "\n"


def markdown_workload(n, out):
    ours = os.path.join(out, "report-site")
    write(os.path.join(ours, "content", "report.json"), report_json([
        {"title": "Home", "pages": ["index"]},
        {"title": "Posts", "dir": "posts"},
    ]))
    write(os.path.join(ours, "content", "narrative", "index.md"),
          "---\ntitle: Home\nsummary: %d posts.\n---\nThe posts are listed in the navigation.\n" % n)
    write(os.path.join(ours, "templates", "layout.html"), OUR_LAYOUT)
    # The generated pages (glossary, data checks, 404) and tables use the project's own templates inside that layout.
    project_templates = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "templates")
    for name in sorted(os.listdir(project_templates)):
        if name.endswith(".html") and name != "layout.html":
            shutil.copyfile(os.path.join(project_templates, name), os.path.join(ours, "templates", name))
    os.makedirs(os.path.join(ours, "static"), exist_ok=True)  # no static files, like the peers' sites
    write(os.path.join(out, "hugo", "config.toml"), HUGO_CONFIG)
    write(os.path.join(out, "hugo", "layouts", "_default", "single.html"), HUGO_LAYOUT)
    write(os.path.join(out, "eleventy", "_includes", "layout.njk"), ELEVENTY_LAYOUT)
    write(os.path.join(out, "eleventy", "posts", "posts.json"), '{ "layout": "layout.njk" }\n')
    for i in range(1, n + 1):
        slug, title, date, body = md_page(i)
        peer_fm = '---\ntitle: "%s"\ndate: %s\n---\n\n' % (title, date.isoformat())
        our_fm = '---\ntitle: "%s"\norder: %s\nsummary: "%s"\n---\n\n' % (title, date.strftime("%Y%m%d"), date.isoformat())
        write(os.path.join(ours, "content", "narrative", "posts", slug + ".md"), our_fm + body)
        write(os.path.join(out, "hugo", "content", "posts", slug + ".md"), peer_fm + body)
        write(os.path.join(out, "eleventy", "posts", slug + ".md"), peer_fm + body)


def report_workload(t_count, r_count, out):
    """Tables t0001..: R rows (the last the total of the others), placed two per note page (sub-notes (a) and (b))
    and cited by a narrative page through facts, a table link and a note mention. Note numbers go up to 999: beyond
    1,998 tables a note holds more sub-notes ((a), (b), (c), ...), as many as it takes (26 at most)."""
    content = os.path.join(out, "report-site", "content")
    per_note = max(2, -(-t_count // 999))
    if per_note > 26:
        sys.exit("report workload: at most %d tables (999 notes of 26 sub-notes)" % (999 * 26))
    notes = -(-t_count // per_note)

    def note_of(t):
        return (t - 1) // per_note + 1, chr(ord("a") + (t - 1) % per_note)
    write(os.path.join(content, "report.json"), report_json([
        {"title": "Overview", "pages": ["index"]},
        {"title": "Review", "dir": "review"},
        {"title": "Notes", "dir": "notes"},
        {"title": "Glossary", "pages": ["glossary"]},
        {"title": "Data checks", "pages": ["data-checks"]},
    ], "Benchmark report (%d tables of %d rows)" % (t_count, r_count)))
    write(os.path.join(content, "glossary.json"), json.dumps([
        {"term": "Group", "aliases": [], "definition": "the company and its subsidiaries"},
        {"term": "Reporting Period", "aliases": [], "definition": "the year ended 31 December 2025"},
    ], indent=2) + "\n")
    write(os.path.join(content, "narrative", "index.md"),
          "---\ntitle: Overview\nsummary: A generated report.\n---\nThe Group reports %d tables for the Reporting Period.\n" % t_count)
    for t in range(1, t_count + 1):
        rng = random.Random(100000 + t)
        tid = "t%04d" % t
        k, letter = note_of(t)
        rows, total1, total2 = [], 0, 0
        for r in range(1, r_count):
            v1, v2 = rng.randint(-500000, 2000000), rng.randint(-500000, 2000000)
            total1, total2 = total1 + v1, total2 + v2
            row = {"id": "r%02d" % r, "label": " ".join(rng.choice(WORDS) for _ in range(3)).capitalize(),
                   "values": {"y2": v1, "y1": v2}}
            if r % 10 == 1:
                row["notes"] = ["%d(%s)" % (k, letter)]
            rows.append(row)
        rows.append({"id": "total", "label": "Total", "style": "total", "sum": [r["id"] for r in rows],
                     "values": {"y2": total1, "y1": total2}})
        write(os.path.join(content, "data", tid + ".json"), json.dumps({
            "id": tid, "title": "Table %d" % t, "period": "For the year ended 31 December 2025", "unit": "RMB'000",
            "columns": [{"id": "y2", "label": "2025"}, {"id": "y1", "label": "2024"}],
            "rows": rows,
        }, indent=1) + "\n")
    for k in range(1, notes + 1):
        rng = random.Random(200000 + k)
        parts = []
        for t in range((k - 1) * per_note + 1, k * per_note + 1):
            if t > t_count:
                continue
            letter = note_of(t)[1]
            parts += ["### (%s) Table %d" % (letter, t), "", paragraph(rng), "", "{{table:t%04d}}" % t, ""]
        write(os.path.join(content, "narrative", "notes", "note-%03d.md" % k),
              "---\ntitle: Note %d\norder: %d\nnote: \"%d\"\n---\n%s\n\n%s" % (k, k, k, paragraph(rng), "\n".join(parts)))
    for t in range(1, t_count + 1):
        rng = random.Random(300000 + t)
        tid, k = "t%04d" % t, note_of(t)[0]
        body = "\n".join([
            paragraph(rng), "",
            "## Results", "",
            "The total was RMB{{fact:%s/total/y2|million}} million against RMB{{fact:%s/total/y1|million}} million; "
            "line one was {{fact:%s/r01/y2}}. See [the table](table:%s) and note %d." % (tid, tid, tid, tid, k), "",
            paragraph(rng), "",
        ])
        write(os.path.join(content, "narrative", "review", "review-%04d.md" % t),
              "---\ntitle: Review %d\norder: %d\nsummary: Review of table %d.\n---\n%s" % (t, t, t, body))


def table_workload(r_count, out):
    """One table of R rows: groups of 99 lines and their subtotal, then a total of the subtotals (every sum is
    footed by the check), placed on one note page and cited by one review page."""
    content = os.path.join(out, "report-site", "content")
    write(os.path.join(content, "report.json"), report_json([
        {"title": "Overview", "pages": ["index"]},
        {"title": "Notes", "dir": "notes"},
        {"title": "Data checks", "pages": ["data-checks"]},
    ], "Benchmark report (one table of %d rows)" % r_count))
    write(os.path.join(content, "narrative", "index.md"),
          "---\ntitle: Overview\nsummary: A generated report.\n---\nThe total was RMB{{fact:big/total/y2}} thousand; "
          "see [the table](table:big) and note 1.\n")
    rng = random.Random(400000 + r_count)
    rows, group, subtotals, t1, t2, g1, g2 = [], [], [], 0, 0, 0, 0
    for r in range(1, r_count):
        rid = "r%06d" % r
        if r % 100 == 0:
            rows.append({"id": rid, "label": "Subtotal %d" % (r // 100), "style": "subtotal", "sum": group,
                         "values": {"y2": g1, "y1": g2}})
            subtotals.append(rid)
            group, g1, g2 = [], 0, 0
            continue
        v1, v2 = rng.randint(-500000, 2000000), rng.randint(-500000, 2000000)
        g1, g2, t1, t2 = g1 + v1, g2 + v2, t1 + v1, t2 + v2
        rows.append({"id": rid, "label": " ".join(rng.choice(WORDS) for _ in range(3)).capitalize(),
                     "values": {"y2": v1, "y1": v2}})
        group.append(rid)
    if group:  # the lines after the last subtotal are summed by the total directly
        subtotals += group
    rows.append({"id": "total", "label": "Total", "style": "total", "sum": subtotals, "values": {"y2": t1, "y1": t2}})
    write(os.path.join(content, "data", "big.json"), json.dumps({
        "id": "big", "title": "Big table", "period": "For the year ended 31 December 2025", "unit": "RMB'000",
        "columns": [{"id": "y2", "label": "2025"}, {"id": "y1", "label": "2024"}],
        "rows": rows,
    }, indent=1) + "\n")
    write(os.path.join(content, "narrative", "notes", "note-001.md"),
          "---\ntitle: Note 1\norder: 1\nnote: \"1\"\n---\n%s\n\n{{table:big}}\n" % paragraph(rng))


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "table":
        kind, out = args[0], os.path.abspath(args[2])
    elif len(args) == 3 and args[0] == "markdown":
        kind, out = args[0], os.path.abspath(args[2])
    elif len(args) == 4 and args[0] == "report":
        kind, out = args[0], os.path.abspath(args[3])
    else:
        sys.exit(__doc__)
    if os.path.exists(out):
        shutil.rmtree(out)
    if kind == "markdown":
        markdown_workload(int(args[1]), out)
    elif kind == "table":
        table_workload(int(args[1]), out)
    else:
        report_workload(int(args[1]), int(args[2]), out)
    print("workload: %s -> %s" % (" ".join(args[:-1]), out), file=sys.stderr)


if __name__ == "__main__":
    main()
