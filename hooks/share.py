"""What a page shares with the world: link-preview tags, structured data, the families' blurb
and the feed. Plain functions over plain data. (The handout's QR code is drawn in the browser, by
docs/assets/qr.js, so it costs the build nothing.)
"""
from __future__ import annotations

import datetime as dt
import heapq
import json
from collections.abc import Iterable
from json.encoder import encode_basestring as _json  # a JSON string, as json.dumps writes it
from functools import lru_cache
from email.utils import format_datetime
from xml.sax.saxutils import escape

SHARE_IMAGE = "assets/share-card.png"


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/")


def preview(*, title: str, description: str, canonical: str, site_name: str, site_url: str,
            reviewed: str | None = None, article: bool = False) -> dict:
    """Values for Open Graph, Twitter card and JSON-LD tags (the template only prints them)."""
    image, image_alt, publisher = _site_parts(site_name, site_url)
    data = {"title": title, "description": description, "url": canonical, "site_name": site_name,
            "type": "article" if article else "website", "image": image, "image_alt": image_alt}
    # JSON-LD, keys in the same order every build. Written from parts, not json.dumps of a dict: the
    # same text (tests/test_sharing.py checks) at a third of the cost, on every page.
    fields = ['"@context": "https://schema.org"', f'"@type": "{"Article" if article else "WebPage"}"',
              f'"description": {_json(description)}', f'"{"headline" if article else "name"}": {_json(title)}',
              f'"image": {_json(image)}']
    if article and reviewed:
        fields += [f'"dateModified": {_json(reviewed)}', f'"mainEntityOfPage": {_json(canonical)}']
    fields += [f'"publisher": {publisher}', f'"url": {_json(canonical)}']
    # "</" must not appear inside a <script> element; JSON allows it escaped.
    data["jsonld"] = ("{" + ", ".join(fields) + "}").replace("</", "<\\/")
    return data


@lru_cache(maxsize=8)
def _site_parts(site_name: str, site_url: str) -> tuple[str, str, str]:
    """The share image, its alt text and the publisher as JSON: the same on every page."""
    publisher = {"@type": "Organization", "name": site_name, "url": site_url}
    return (absolute(site_url, SHARE_IMAGE), f"{site_name}: parenting strategies by age and situation",
            json.dumps(publisher, ensure_ascii=False))


def blurb(title: str, description: str, url: str) -> str:
    """The ready-to-paste text for a newsletter or a class message."""
    return f"{title}: {description} {url}"


FEED_ITEMS = 50  # feed readers poll the whole file: the newest 50 pages, not the whole site


def feed_xml(pages: Iterable[dict], *, site_name: str, site_url: str, description: str, limit: int = FEED_ITEMS) -> str:
    """RSS 2.0 with the newest reviewed pages first. `pages`: title, description, url, reviewed."""
    ordered = heapq.nlargest(limit, pages, key=lambda p: (p["reviewed"], p["url"]))  # = sorted(...)[:limit]
    newest = ordered[0]["reviewed"] if ordered else "2026-01-01"
    items = []
    for page in ordered:
        link = absolute(site_url, page["url"])
        items.append(
            "<item>"
            f"<title>{escape(page['title'])}</title><link>{escape(link)}</link>"
            f"<guid isPermaLink=\"true\">{escape(link)}</guid>"
            f"<description>{escape(page['description'])}</description>"
            f"<pubDate>{_rfc822(page['reviewed'])}</pubDate>"
            "</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            f"<title>{escape(site_name)}</title><link>{escape(site_url)}</link>"
            f"<description>{escape(description)}</description><language>en</language>"
            f"<lastBuildDate>{_rfc822(newest)}</lastBuildDate>"
            f'<atom:link href="{escape(absolute(site_url, "feed.xml"))}" rel="self" type="application/rss+xml"/>'
            + "".join(items) + "</channel></rss>\n")


def _rfc822(day: str) -> str:
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12, 0), tzinfo=dt.timezone.utc)
    return format_datetime(moment, usegmt=True)
