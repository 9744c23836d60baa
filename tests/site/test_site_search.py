"""The site's search understands Dutch and measure codes (widgets/site/search.py): the
index and the query are stemmed alike, words from the pages find their page, and a
measure code leads to the measure's own section."""
from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest
import snowballstemmer
from sitecheck import SITE, site_pages

SIX = ["instroom", "asielaanvragen", "gemeenten", "verblijfsvergunning", "België", "coördinatie"]  # none was found before
CODES = {"4.11": "chapters/variant-4.html", "2C.1.2": "chapters/variant-2.html", "3.1.3": "chapters/variant-3.html",
         "4.12b": "chapters/variant-4.html", "6.2a": "chapters/variant-6.html"}
STOPWORDS_JS = "() => stopwords"


class _Text(HTMLParser):
    """The prose of a page's article: no scripts, styles, code, or notebook outputs (figures and
    tables drawn by code: Sphinx indexes the text of the page's sources, not those outputs)."""

    SKIP = ("script", "style", "pre", "code")

    def __init__(self, html: str):
        super().__init__()
        self.article, self.stack, self.parts = 0, [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.article += 1
        skip = tag in self.SKIP or "cell_output" in (dict(attrs).get("class") or "")
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "col"):
            self.stack.append(skip)

    def handle_endtag(self, tag):
        if tag == "article":
            self.article -= 1
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "col") and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.article and not any(self.stack):
            self.parts.append(data)


def test_search_speaks_dutch(page, site_url):
    from test_site_readers import english_words

    search(page, site_url, "instroom")
    status = page.evaluate("() => [document.querySelector('#search-results h2').textContent, "
                           "document.querySelector('#search-results .search-summary').textContent]")
    assert not [s for s in status if english_words(s)], status


def page_words(path: str) -> list[str]:
    text = " ".join(_Text((SITE / path).read_text(encoding="utf-8")).parts)
    return [w for w in re.findall(r"[^\W\d_]{4,}", text)]


def content_pages() -> list[str]:
    return [p for p in site_pages(SITE) if p.startswith("chapters/") or p == "intro.html"]


def search(page, site_url, query: str) -> list[str]:
    """The result links of the site's own search page, best first."""
    page.goto(f"{site_url}/search.html?q={query}")
    page.wait_for_function("() => document.querySelector('#search-results .search-summary')?.textContent.trim()")  # set when done
    return page.evaluate("() => [...document.querySelectorAll('#search-results ul.search > li > a')].map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("word", SIX)
def test_words_the_site_is_about_are_found(word, page, site_url):
    results = search(page, site_url, word)
    having = {p for p in content_pages() if word.lower() in (w.lower() for w in page_words(p))}
    assert having, f"no page has {word!r}"
    found = {r.split("#")[0] for r in results}
    assert having <= found, f"{word!r}: pages with the word not found: {sorted(having - found)}"


def test_thirty_random_words_find_the_page_they_come_from(page, site_url):
    rng = random.Random(14)
    stopwords = set()
    page.goto(f"{site_url}/search.html")
    page.wait_for_function("() => typeof stopwords !== 'undefined'")
    stopwords = set(page.evaluate(STOPWORDS_JS))
    missed = []
    for path in rng.sample(content_pages(), 10):
        for word in rng.sample(sorted({w for w in page_words(path) if w.lower() not in stopwords}), 3):
            if path not in {r.split("#")[0] for r in search(page, site_url, word)}:
                missed.append(f"{word!r} from {path}")
    assert not missed, missed


@pytest.mark.parametrize("code, target", CODES.items())
def test_a_measure_code_leads_to_its_section(code, target, page, site_url):
    first = search(page, site_url, code)[0]
    assert first.startswith(target + "#maatregel-"), (code, first)
    page.goto(f"{site_url}/{first}")
    anchor = first.split("#")[1]
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_the_page_stems_every_word_as_the_index_does(page, site_url):
    """For every word of every page: the search page's JavaScript stemmer gives the stem the
    index was built with (Snowball's dutch_porter)."""
    words = sorted({w.lower() for p in content_pages() for w in page_words(p)})
    assert len(words) > 3000
    page.goto(f"{site_url}/search.html")
    page.wait_for_function("() => typeof Stemmer !== 'undefined'")
    js = page.evaluate("ws => { const s = new Stemmer(); return ws.map(w => s.stemWord(w)); }", words)
    python = snowballstemmer.stemmer("dutch_porter").stemWords(words)
    differ = [(w, a, b) for w, a, b in zip(words, js, python) if a != b]
    assert not differ, differ[:20]
