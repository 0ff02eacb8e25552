"""The corpus of malformed pages: each case is one defect and the exact lines the build prints.

Each page is an edit of a valid page from conftest.py, so the defect is easy to see. Used by
test_bad_pages.py (full MkDocs builds) and by the contributor check's tests.
"""
from conftest import VALID_LIST, VALID_STRATEGY

S = "docs/strategies/bad.md"
R = "docs/resources/bad.md"
A = "docs/ages/bad.md"
AGES = 'allowed: years like "3-5" or "4", or months like "6m-2", "0-11m" or "18m" (0 to 18 years)'
SECOND_SOURCE = """  - title: Separation anxiety in children
    publisher: American Academy of Pediatrics
    url: https://www.healthychildren.org/example
"""


def strategy(old: str, new: str) -> str:
    assert old in VALID_STRATEGY, old
    return VALID_STRATEGY.replace(old, new, 1)


def resource(old: str, new: str) -> str:
    assert old in VALID_LIST, old
    return VALID_LIST.replace(old, new, 1)


# name: (pages, expected problem lines, in the order the build prints them)
CASES = {
    "unknown field": (
        {"strategies/bad.md": strategy("reviewed: 2026-11-01", "reviewed: 2026-11-01\nreveiwed: 2026-11-01")},
        [f'{S}:8: reveiwed: unknown field (allowed: title, description, type, ages, situations, reviewed, sources, '
         'items; did you mean "reviewed"?)']),
    "missing title": (
        {"strategies/bad.md": strategy("title: Tears at preschool drop-off\n", "")},
        [f"{S}:2: title: is missing: add it - The page title, shown as the heading, in search and in link previews."]),
    "title too short": (
        {"strategies/bad.md": strategy("title: Tears at preschool drop-off", "title: Hi")},
        [f"{S}:2: title: is 2 characters; write 3-80 characters"]),
    "description too long": (
        {"strategies/bad.md": strategy("description: Why", "description: " + "very " * 40 + "Why")},
        [f"{S}:3: description: is 287 characters; write 50-160 characters"]),
    "description too short": (
        {"strategies/bad.md": strategy(
            "description: Why a happy preschooler can start crying at drop-off, and a goodbye routine that helps.",
            "description: Drop-off tears.")},
        [f"{S}:3: description: is 15 characters; write 50-160 characters"]),
    "unknown type": (
        {"strategies/bad.md": strategy("type: strategy", "type: stratgy")},
        [f"{S}:4: type: 'stratgy' is not allowed (allowed: strategy, age-guide, resource-list; "
         'did you mean "strategy"?)']),
    "unknown situation": (
        {"strategies/bad.md": strategy("[separation-anxiety, starting-childcare]",
                                       "[seperation-anxiety, starting-childcare]")},
        [f"{S}:6: situations[0]: 'seperation-anxiety' is not a situation (allowed: a slug from "
         "schema/taxonomy.yml, such as separation-anxiety, starting-childcare, starting-school, ...; "
         'did you mean "separation-anxiety"?)']),
    "situations not a list": (
        {"strategies/bad.md": strategy("[separation-anxiety, starting-childcare]", "separation-anxiety")},
        [f"{S}:6: situations: must be a list, not 'separation-anxiety'"]),
    "reversed ages": (
        {"strategies/bad.md": strategy("ages: 3-5", "ages: 5-3")},
        [f"{S}:5: ages: '5-3' is reversed: the first age must be the younger one ({AGES})"]),
    "negative age": (
        {"strategies/bad.md": strategy("ages: 3-5", "ages: -2-5")},
        [f"{S}:5: ages: '-2-5' is negative; ages start at 0 ({AGES})"]),
    "age over 18": (
        {"strategies/bad.md": strategy("ages: 3-5", "ages: 3-21")},
        [f"{S}:5: ages: '3-21' is over 18 years; Little Steps covers children up to 18 ({AGES})"]),
    "garbage ages": (
        {"strategies/bad.md": strategy("ages: 3-5", "ages: preschool")},
        [f"{S}:5: ages: 'preschool' is not an age range ({AGES})"]),
    "reviewed in the future": (
        {"strategies/bad.md": strategy("reviewed: 2026-11-01", "reviewed: 2999-01-01")},
        [f"{S}:7: reviewed: 2999-01-01 is in the future: use the date you checked the sources (today is {{today}})"]),
    "reviewed not a date": (
        {"strategies/bad.md": strategy("reviewed: 2026-11-01", "reviewed: last week")},
        [f"{S}:7: reviewed: 'last week' is not a date written YYYY-MM-DD, like 2026-11-29"]),
    "impossible date swallowed by MkDocs": (
        {"strategies/bad.md": strategy("reviewed: 2026-11-01", "reviewed: 2026-13-45")},
        [f"{S}:7: reviewed: 2026-13-45 is not a real date (allowed: a date written YYYY-MM-DD, like 2026-11-29)"]),
    "one source on a strategy": (
        {"strategies/bad.md": strategy(SECOND_SOURCE, "")},
        [f"{S}:8: sources: lists 1 source; this page type needs at least 2 reputable sources you read "
         "(title, publisher, https url)",
         f"{S}:18: content: [^2] cites source 2, but the page lists 1 source (add it to sources, or fix the number)"]),
    "http source": (
        {"strategies/bad.md": strategy("url: https://www.nhs.uk/example", "url: http://www.nhs.uk/example")},
        [f"{S}:11: sources[0].url: 'http://www.nhs.uk/example' uses http://: use the https:// address "
         "(allowed: https only)"]),
    "invalid YAML swallowed by MkDocs": (
        {"strategies/bad.md": strategy("title: Tears at preschool drop-off", "title: Tears: at [preschool")},
        [f"{S}:2: front-matter: the front-matter is not valid YAML: mapping values are not allowed here "
         "(check indentation, and put quotes around text with a colon)"]),
    "tab in YAML": (
        {"strategies/bad.md": strategy("ages: 3-5", "ages:\t3-5\n\tfoo")},
        [f"{S}:5: front-matter: the front-matter is not valid YAML: found character '\\t' that cannot start any "
         "token (check indentation, and put quotes around text with a colon)"]),
    "front-matter never closed": (
        {"strategies/bad.md": VALID_STRATEGY.replace("---\n\nShort", "\nShort")},
        [f'{S}:1: front-matter: the front-matter opened with "---" on line 1 is never closed: add a line "---" '
         "after the last field"]),
    "no front-matter": (
        {"strategies/bad.md": "Just text.\n"},
        [f'{S}:1: front-matter: the page has no front-matter: start the file with a line "---", the fields, '
         'then "---"']),
    "front-matter is a list": (
        {"strategies/bad.md": "---\n- a\n- b\n---\n\nText\n"},
        [f'{S}:2: front-matter: the front-matter must be "field: value" lines, like "title: Tears at drop-off"']),
    "raw script": (
        {"strategies/bad.md": strategy("Talk to your child's doctor.",
                                       "Talk to your child's doctor.\n\n<script>alert(1)</script>")},
        [f"{S}:27: content: raw <script> is not allowed in pages (allowed: Markdown and simple HTML; "
         "link to the page instead of embedding it)"]),
    "iframe": (
        {"strategies/bad.md": strategy("Something true.[^2]",
                                       'Something true.[^2]\n<iframe src="https://x.example"></iframe>')},
        [f"{S}:22: content: raw <iframe> is not allowed in pages (allowed: Markdown and simple HTML; "
         "link to the page instead of embedding it)"]),
    "event handler attribute": (
        {"strategies/bad.md": strategy("Something true.[^2]", 'Something <span onclick="x()">true</span>.[^2]')},
        [f"{S}:21: content: the HTML attribute onclick= runs a script and is not allowed: remove it"]),
    "javascript: link": (
        {"strategies/bad.md": strategy("Something true.[^2]", "Something [true](javascript:alert(1)).[^2]")},
        [f"{S}:21: content: javascript: links are not allowed: link to a page or an https:// address"]),
    "http link in text": (
        {"strategies/bad.md": strategy("Something true.[^2]", "Something [true](http://example.org).[^2]")},
        [f"{S}:21: content: http://example.org uses http://: use the https:// address (allowed: https only)"]),
    "citation past the sources": (
        {"strategies/bad.md": strategy("Something true.[^2]", "Something true.[^3]")},
        [f"{S}:21: content: [^3] cites source 3, but the page lists 2 sources (add it to sources, or fix the number)"]),
    "no When to get help": (
        {"strategies/bad.md": strategy("## When to get help", "## Getting help")},
        [f'{S}:25: content: a strategy page needs a "## When to get help" section (signs to watch for and who to call)']),
    "broken link": (
        {"strategies/bad.md": strategy("Something true.[^2]", "See [the ages page](../ages/four.md).[^2]"),
         "ages/four-year-olds.md": strategy("type: strategy", "type: age-guide").replace("ages: 3-5", "ages: 4")},
        [f'{S}:21: link: ../ages/four.md points to ages/four.md, which does not exist '
         '(did you mean "ages/four-year-olds.md"?)']),
    "broken anchor": (
        {"strategies/bad.md": strategy("Something true.[^2]", "See [below](#when-to-get-hlep).[^2]")},
        [f'{S}:21: link: #when-to-get-hlep: there is no #when-to-get-hlep on that page (did you mean "when-to-get-help"?)']),
    "template placeholder": (
        {"strategies/bad.md": strategy("Talk to your child's doctor.", "[[Say who to call and when.]]")},
        [f"{S}:25: content: template placeholder '[[Say who to call and when.]]' is still here: replace it with "
         "your own text"]),
    "age guide outside the bands": (
        {"ages/bad.md": strategy("type: strategy", "type: age-guide")},
        [f'{A}:5: ages: an age guide covers exactly one age band (allowed: "0-11m", "1", "2", "3", "4", "5", '
         '"6-7", "8-9", "10-12"; see schema/taxonomy.yml)']),
    "items on a strategy": (
        {"strategies/bad.md": strategy("reviewed: 2026-11-01", "reviewed: 2026-11-01\nitems:\n  - title: x")},
        [f"{S}:8: items: is only allowed on resource lists: remove it, or set type: resource-list"]),
    "resource list without items": (
        {"resources/bad.md": VALID_LIST.split("items:")[0] + "---\n\nText\n"},
        [f"{R}:2: items: is missing: add it - Resource lists only: the books, episodes, songs... on the list. "
         "The build renders them."]),
    "item with unknown kind": (
        {"resources/bad.md": resource("kind: book", "kind: bok")},
        [f"{R}:14: items[0].kind: 'bok' is not allowed (allowed: book, episode, show, song, video, app; "
         'did you mean "book"?)']),
    "item without year": (
        {"resources/bad.md": resource("    year: 1993\n", "")},
        [f"{R}:13: items[0].year: is missing: add it - Year first published or aired."]),
    "item year as words": (
        {"resources/bad.md": resource("year: 1993", "year: nineteen ninety-three")},
        [f"{R}:16: items[0].year: must be a whole number, not 'nineteen ninety-three'"]),
    "item unknown field": (
        {"resources/bad.md": resource("    year: 1993\n", "    year: 1993\n    author: Audrey Penn\n")},
        [f"{R}:17: items[0].author: unknown field (allowed: title, kind, by, year, ages, situations, why, url, "
         "isbn, series, season, episode)"]),
    "item ISBN with hyphens": (
        {"resources/bad.md": resource("    year: 1993\n", "    year: 1993\n    isbn: 978-0-87868-585-3\n")},
        [f"{R}:17: items[0].isbn: '978-0-87868-585-3' is not an ISBN (allowed: 10 or 13 digits, no hyphens or spaces)"]),
    "item titles share an anchor": (
        {"resources/bad.md": resource(
            "    why: A raccoon's mother kisses his palm so he can carry her love to school.\n",
            "    why: A raccoon's mother kisses his palm so he can carry her love to school.\n"
            "  - title: The kissing hand!\n    kind: book\n    by: Audrey Penn\n    year: 1993\n    ages: 3-6\n"
            "    situations: [separation-anxiety]\n    why: The same book again, which would repeat the anchor.\n")},
        [f"{R}:20: items[1].title: 'The kissing hand!' repeats item 0's link anchor #the-kissing-hand: "
         "each title in a list must be different"]),
    "item ages outside the list's": (
        {"resources/bad.md": resource("    ages: 3-6\n", "    ages: 9-10\n")},
        [f"{R}:17: items[0].ages: '9-10' does not overlap the list's ages '2-6': widen the list's ages or fix the item's"]),
}
