"""Generated feeds and article pages for ingestion tests and the benchmark (text written here, not copied)."""

from __future__ import annotations


def rss(*items: str, title: str = "Transfer news", encoding: str = "utf-8") -> bytes:
    head = f'<?xml version="1.0" encoding="{encoding}"?>\n'
    body = f"<rss version='2.0'><channel><title>{title}</title><link>http://news.test/</link>{''.join(items)}"
    return (head + body + "</channel></rss>").encode(encoding)


def item(guid: str, link: str, title: str = "", description: str = "", pub: str = "") -> str:
    return (
        f"<item><guid>{guid}</guid><link>{link}</link><title>{title or guid}</title>"
        f"<description>{description or 'About ' + guid}</description>"
        + (f"<pubDate>{pub}</pubDate>" if pub else "")
        + "</item>"
    )


def page(title: str, body: str, canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{link}</head>"
        f"<body><nav>Home | News | Sport</nav><article>{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>"
    )


def story(n: int) -> str:
    """A few paragraphs of plausible, unique article text (written here, not taken from the corpus)."""
    return (
        f"Story {n}: the club are weighing up an approach for midfielder number {n} before the window.\n\n"
        f"Talks between the two sides over a fee of {n} million pounds are said to be at an early stage, "
        f"with the player keen on a move before the end of the month ({n}).\n\n"
        f"The manager declined to comment on the speculation when asked about it on day {n}."
    )
