"""Explanations of coded events, as data and as text: shared by `eventwire explain` and the API."""

from __future__ import annotations

from typing import Any

from eventwire.records import Actor, Event


def _actor_part(code: str, name: str, how: str | None, actors: list[Actor]) -> dict[str, Any]:
    # The event stores the actor's code and name; the article's actor record says how that code
    # was resolved (dictionary line, title, coreference).
    found = next((a for a in actors if a.name == name and a.code == code), None)
    return {
        "code": code,
        "name": name,
        "found_by": how,
        "resolved_by": found.resolved_by if found else None,
        "detail": found.detail if found else None,
        "mentions": sorted({m.text for m in found.mentions}) if found else [],
    }


def explanation_report(event: Event, why: dict[str, Any], actors: list[Actor]) -> dict[str, Any]:
    """Everything known about why ``event`` was coded, as one JSON-ready dict."""
    start, end = event.span
    return {
        "event": event.to_dict(),
        "sentence": {"index": event.sentence, "text": event.text, "span": [start, end]},
        "trigger": why.get("trigger"),
        "rule": event.rule,
        "dictionary_line": why.get("dictionary_line"),
        "parse_path": why.get("parse_path"),
        "mood": why.get("mood"),
        "mood_why": why.get("mood_why"),
        "notes": why.get("notes", []),
        "coder_version": why.get("coder_version"),
        "source": _actor_part(event.source, event.source_name, why.get("source_how"), actors),
        "target": _actor_part(event.target, event.target_name, why.get("target_how"), actors),
    }


def _period(event: dict[str, Any]) -> str:
    """ " to 2020-03-31, month" for a date that stands for more than a day."""
    precision = event.get("date_precision") or "day"
    if precision == "day" and not event.get("date_end"):
        return ""
    end = f" to {event['date_end']}" if event.get("date_end") else ""
    return f"{end}, {precision}"


def render_explanation(report: dict[str, Any]) -> str:
    """The report as plain text for a terminal."""
    event = report["event"]
    lines = [
        f"event {event['event_id']}  {event['source'] or '?'} → {event['target'] or '?'}  "
        f"CAMEO {event['cameo']} ({event['plover'] or 'no PLOVER type'}"
        f"{'/' + event['plover_mode'] if event['plover_mode'] else ''})  "
        f"Goldstein {event['goldstein']}  quad {event['quad_class']}",
        f"article {event['doc_id']}, sentence {report['sentence']['index']}: "
        f"{report['sentence']['text']}",
        f"date {event['date']}{_period(event)} ({event['date_basis']})"
        + (f"  place {event['location']['name']}" if event["location"] else ""),
        f"negated: {'yes' if event['negated'] else 'no'}   mood: {report['mood'] or '-'}"
        + (f" ({report['mood_why']})" if report["mood_why"] else ""),
        f"trigger: {report['trigger'] or '-'}   parse path: {report['parse_path'] or '-'}",
        f"rule: {report['rule'] or '-'}   dictionary: {report['dictionary_line'] or '-'}",
    ]
    for side in ("source", "target"):
        part = report[side]
        lines.append(
            f"{side}: {part['code'] or '(unknown)'} {part['name']!r} "
            f"found as {part['found_by'] or '-'}; code by {part['resolved_by'] or '-'}"
            + (f" — {part['detail']}" if part["detail"] else "")
        )
        if part["mentions"]:
            lines.append(f"  mentions: {', '.join(part['mentions'])}")
    lines.extend(f"note: {note}" for note in report["notes"])
    if report["coder_version"]:
        lines.append(f"coded by eventwire {report['coder_version']}")
    return "\n".join(lines)
