"""Event files for fixture sites (front matter + body), shared by the event tests."""
from __future__ import annotations

import json

# Everything that breaks naive HTML, JSON, iCalendar or URL writers, in one title.
HOSTILE = 'Tom & Jerry <script>alert("x")</script>, \'lainaus\'; puoli'


def event(title: str, start: str, body: str = "Kuvaus.", **fields) -> str:
    """An event file; the title is JSON-quoted so any characters survive YAML."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", f"start: {start}"]
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join(lines + ["---", "", body, ""])
