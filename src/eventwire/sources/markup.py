"""HTML fragments (feed entries) to plain text that keeps paragraph breaks."""

from __future__ import annotations

from eventwire.clean import clean_text

_BLOCKS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr",
        "dd", "dt",
    }
)  # fmt: skip
_DROP = ("script", "style", "noscript", "iframe", "object", "template")


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment, one blank line between block elements."""
    if not fragment.strip():
        return ""
    import lxml.html  # only feeds have HTML fragments: other runs do not load lxml
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean_text(fragment)
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    return clean_text(root.text_content())
