"""Hook: estimate each page's reading time from its prose (200 words a minute) and show it under the title."""

import re

WORDS_PER_MINUTE = 200
MIN_WORDS = 400            # shorter pages (indexes, data pages) show no estimate
_NOT_PROSE = re.compile(r"```.*?```|<!--.*?-->|<[^>]+>|^---\n.*?\n---\n", re.S)
_TITLE = re.compile(r"^# .+$", re.M)


def on_page_markdown(markdown, page, config, files):
    words = len(re.findall(r"[A-Za-zÀ-ÿ0-9']+", _NOT_PROSE.sub(" ", markdown)))
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    page.meta["word_count"] = words
    page.meta["reading_time"] = minutes
    title = _TITLE.search(markdown)
    if words < MIN_WORDS or not title:
        return markdown
    line = f'\n\n<p class="reading-time">About {minutes} minute{"s" if minutes != 1 else ""} to read</p>\n'
    return markdown[:title.end()] + line + markdown[title.end():]
