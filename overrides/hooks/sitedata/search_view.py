"""A page's HTML as Material's search plugin needs it: the same index, read from much less markup.

The search plugin (material/plugins/search/plugin.py, class Parser) reads each page's HTML tag by tag with
Python's HTMLParser, though the index it writes holds only the page's headings, its text and the tags p, code,
pre, li, ol, ul, sub and sup: our timelines and source lists, mostly links, abbreviations and attributes, cost
it several times what a page of prose with the same text does. `lighten` returns HTML the parser reads into the
same sections (same titles, ids, texts and kept tags), without the rest:

- every attribute goes, outside headings: the parser reads only a heading's id, the class "headerlink" of a
  permalink inside a heading, data-search-exclude and the class "linenodiv" (a page holding the last is left as
  it is);
- a block marked with a bare data-search-exclude attribute goes whole, with its text: the parser skips it. It
  must not hold a heading, another excluded block, or an element of its own tag (the parser compares elements
  by tag name, so closing a nested <div> in an excluded <div> would end the skipping), and a page with any other
  data-search-* text is left as it is. The plugin removes such attributes only when they have a value, so the
  page it writes keeps the bare attribute either way;
- every other tag goes (a, abbr, span, div, time, ...), unless a heading is inside it (the parser records a
  heading's depth, and a section ends where an element deeper than its heading's parent closes), or it opens
  the page (its start tag gives a page without a first heading its untitled section);
- headings are copied as they are, with everything inside them (their text is not collapsed as other text is);
- the texts on either side of a dropped tag become one text, which the parser reads as it read the two, except
  when one is white space only (the parser keeps one space for a run of those) or the first may end inside a
  character reference: then an empty comment keeps them apart, as the tag did.

`lighten` returns None, and the page is read as it is, when its HTML holds anything this reasoning does not
cover: pre, script, style, object or textarea elements (or others whose content HTMLParser reads as raw text),
comments, declarations, processing instructions, a "<" that is not a plain tag with double-quoted attribute values,
or an end tag that does not close the element open (the parser would ignore it).
The built site's search index is compared byte for byte before and after (see the hook search_view.py).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})         # Parser.keep
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})                                              # the plugin's `void`
# Elements whose content the parser treats apart: pre (white space kept), the skipped script, style and object,
# and those whose content is raw text to this Python's HTMLParser (more in recent versions, such as title).
UNCOVERED_TAGS = frozenset({"pre", "script", "style", "object", "textarea", "plaintext", "xmp"}
                           | set(HTMLParser.CDATA_CONTENT_ELEMENTS)
                           | set(getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())))
UNCOVERED_TEXT = ("linenodiv",)
_EXCLUDE = re.compile(r"\sdata-search-exclude(?=[\s/>])")   # the bare attribute (in a tag, or text)
_VALUE = re.compile(r'"[^"]*"')
# One tag: (the tag, an end tag's name, a start tag's name, the "/" of a self-closing tag). Attribute values are
# double-quoted, as Markdown and the partials write them; anything else fails to match, and then its "<" (or the
# "<" of a comment, declaration or processing instruction) makes lighten give up.
_TAG = re.compile(r"""(<(?:/([a-zA-Z][a-zA-Z0-9-]*)|([a-zA-Z][a-zA-Z0-9-]*)(?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*\s*(/?))>)""")
_APART = "<!---->"                   # an empty comment: splits the text as a tag does, and does nothing else
_DROP, _KEEP, _COPY, _SKIP = 0, 1, 2, 3   # what becomes of each tag (_SKIP: with the text after it)


def _white(text: str) -> bool:
    """White space only, as the parser sees it (after character references: &nbsp; is white space)."""
    return (unescape(text) if "&" in text else text).isspace()


def _joinable(left: str, right: str) -> bool:
    """Whether the parser reads left + right as it reads left, then right."""
    return _white(left) == _white(right) and left.rfind("&") <= left.rfind(";")


def _decide(parts: list, excludes: bool) -> list[int] | None:
    """What becomes of each tag (_DROP, _KEEP with its attributes removed in parts, _COPY as it is, or _SKIP with
    the text after it), from a walk that keeps the stack of open elements as the parser does; None if the HTML is
    not covered."""
    texts = parts[0::5]
    how = [_DROP] * (len(texts) - 1)
    stack: list[tuple[str, int]] = []    # (tag, index of its start tag): the parser's context
    started = bool(texts[0])             # the parser has a section: after the first text or non-void start tag
    headings = 0                         # headings open: while one is, everything is copied as it is
    skipping, skipping_at = "", -1       # the tag of the excluded block open, if any, and its start tag's index
    for i, (end, start, slash, text) in enumerate(zip(parts[2::5], parts[3::5], parts[4::5], texts[1:])):
        if skipping:
            how[i] = _SKIP
            tag = (end or start).lower()
            if start is not None:
                if tag in HEADINGS or tag == skipping or "data-search-" in parts[5 * i + 1]:
                    return None
                if not slash and tag not in VOID:
                    stack.append((tag, i))
            elif stack and stack[-1][0] == tag:
                if stack.pop()[1] == skipping_at:
                    how[i], skipping = _DROP, ""
            elif tag not in VOID:
                return None
            continue
        if excludes and start is not None and "data-search-" in parts[5 * i + 1]:
            if not _EXCLUDE.search(_VALUE.sub('""', parts[5 * i + 1])):
                return None                  # in an attribute's value, not the attribute
            tag = start.lower()
            if tag in HEADINGS or tag in VOID or slash or headings or not started:
                return None
            how[i], skipping, skipping_at = _SKIP, tag, i
            stack.append((tag, i))
            continue
        if end is not None:
            tag = end.lower()
            if not stack or stack[-1][0] != tag:
                if tag not in VOID or headings:
                    return None          # the parser would ignore it; dropping its elements could change that
            else:
                opened = stack.pop()[1]
                if headings:
                    how[i] = _COPY
                    headings -= tag in HEADINGS
                elif how[opened]:
                    how[i] = _KEEP
                    parts[5 * i + 1] = f"</{tag}>"
        else:
            tag = start.lower()
            if tag in HEADINGS or headings:
                how[i] = _COPY
                started = True
                if tag in HEADINGS and not headings:
                    for _, opened in stack:          # the heading's ancestors stay as they are: for its depth,
                        if how[opened] == _DROP:     # and for a permalink ("headerlink") around it
                            how[opened] = _COPY
                if not slash and tag not in VOID:
                    stack.append((tag, i))
                    headings += tag in HEADINGS
            elif tag not in VOID:
                if not started:
                    how[i] = _COPY
                elif tag in KEEP:
                    how[i] = _KEEP
                    parts[5 * i + 1] = f"<{tag}/>" if slash else f"<{tag}>"
                started = True
                if not slash:
                    stack.append((tag, i))
        if text:
            started = True
    return None if skipping else how


def _count_bare(html: str) -> int:
    """How many times _EXCLUDE matches html, found through the attribute's name (a regular expression that starts
    with white space has to try every character of the page)."""
    count, name = 0, "data-search-exclude"
    at = html.find(name)
    while at >= 0:
        end = at + len(name)
        if at and html[at - 1].isspace() and end < len(html) and (html[end].isspace() or html[end] in "/>"):
            count += 1
        at = html.find(name, end)
    return count


def lighten(html: str) -> str | None:
    """HTML from which the search plugin builds the same index entries as from `html`; None if not covered."""
    if any(marker in html for marker in UNCOVERED_TEXT):
        return None
    parts = _TAG.split(html)             # text, tag, end name, start name, slash, text, ...
    excludes = "data-search-" in html
    if excludes and html.count("data-search-") != _count_bare(html):
        return None                      # data-search-* other than the bare attribute (which, in text, is harmless)
    texts = parts[0::5]
    if "<" in "".join(texts) or not UNCOVERED_TAGS.isdisjoint(name.lower() for name in set(parts[3::5]) if name):
        return None                      # a "<" that is not a tag _TAG knows, or an element not covered
    how = _decide(parts, excludes)
    if how is None:
        return None
    out = [texts[0]]
    last = texts[0] or None              # the text before the dropped tags since the last tag written
    for kept, tag, text in zip(how, parts[1::5], texts[1:]):
        if kept == _SKIP:
            continue                     # the tag and the text after it, inside an excluded block
        if kept:
            out.append(tag)
            last = None
        if text:
            if last is not None and ("&" in last or "&" in text or last.isspace() != text.isspace()) \
                    and not _joinable(last, text):
                out.append(_APART)
            out.append(text)
            last = text
    return "".join(out)
