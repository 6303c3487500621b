#!/usr/bin/env python3
"""Compares two builds of the same content, made by two versions of the generator, and says whether they are
byte-identical except where the navigation and search layout changed on purpose.

Usage: tools/compare-sites.py BEFORE_SITE AFTER_SITE

Left out of the comparison, as the parts the navigation and search work changes on purpose:
  - in every HTML page, the site navigation: the element <nav class="site-nav" ...> ... </nav> (the generator writes
    it, with no nav element inside it);
  - the search index: assets/search-index.js and every file under assets/search/;
  - the contents page, contents.html (new);
  - the static files (assets/site.css, assets/site.js), which are copied as is from static/: a difference there is
    an edit of static/, listed but not a difference of the build.
Every other file must be byte-identical and present in both. Prints each difference; exits 1 if there is one.
"""
import os
import re
import sys

NAV = re.compile(rb'<nav class="site-nav".*?</nav>', re.S)
SEARCH = re.compile(r'^assets/search(-index\.js|/)')
NEW = {"contents.html"}
STATIC = {"assets/site.css", "assets/site.js"}


def files(root):
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            out[os.path.relpath(p, root).replace(os.sep, "/")] = p
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = files(sys.argv[1]), files(sys.argv[2])
    problems, navs, static = [], 0, []
    for f in sorted(set(before) | set(after)):
        if SEARCH.match(f) or f in NEW:
            continue
        if f not in before or f not in after:
            problems.append("%s: only in %s" % (f, "the first" if f in before else "the second"))
            continue
        a, b = open(before[f], "rb").read(), open(after[f], "rb").read()
        if a == b:
            continue
        if f in STATIC:
            static.append(f)
            continue
        if f.endswith(".html"):
            sa, sb = NAV.sub(b"<nav/>", a), NAV.sub(b"<nav/>", b)
            if sa == sb:
                navs += 1
                continue
        problems.append("%s: differs" % f)
    for s in static:
        print("static file edited: %s" % s)
    print("%d pages differ in their navigation only; search index and contents.html not compared" % navs)
    for p in problems:
        print("DIFFERENT " + p)
    print("%d other difference(s)" % len(problems))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
