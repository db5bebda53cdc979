"""The reprocess command: code stored articles again with the current coder."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli.articles import progress_bar, report
from eventwire.cli.common import (
    DbOption,
    DictOption,
    MaxSecondsOption,
    MaxSentencesOption,
    WorkersOption,
    app,
    open_db,
    use_dicts,
)
from eventwire.config import DEFAULT_DB, DEFAULT_MAX_ARTICLE_SECONDS, DEFAULT_MAX_SENTENCES, Limits
from eventwire.forkserver import default_workers, start_workers


@app.command("reprocess")
def reprocess_command(
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="ID", help="Ids of stored articles.")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Every stored article.")] = False,
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    dicts: DictOption = None,
    workers: WorkersOption = None,
    max_sentences: MaxSentencesOption = DEFAULT_MAX_SENTENCES,
    max_seconds: MaxSecondsOption = DEFAULT_MAX_ARTICLE_SECONDS,
) -> None:
    """Code stored articles again, replacing their sentences, actors and events (one
    transaction per article); each event records the coder version that produced it."""
    if bool(ids) == every:
        raise typer.BadParameter("give article ids or --all (not both)", param_hint="ID/--all")
    from eventwire.ingest import reprocess
    from eventwire.sources.count import RecordCount

    use_dicts(dicts)
    if (workers or default_workers()) > 1:
        start_workers()  # the workers' models load while the store opens
    limits = Limits(max_sentences=max_sentences, max_seconds=max_seconds)
    with open_db(db) as store:
        # Listed before coding starts: recoding writes to the table a streaming read would hold
        # open, and SQLite would keep the read snapshot (and the WAL) alive for the whole run.
        chosen = list(store.iter_article_ids()) if every else ids or []
        expected = RecordCount(len(chosen), exact=True)
        progress, on_progress = progress_bar("reprocessing", quiet, expected)
        with progress:
            summary = reprocess(
                chosen,
                store,
                on_progress=on_progress,
                workers=workers or default_workers(),
                limits=limits,
            )
    report(summary)
    if not summary.ok:
        raise typer.Exit(1)
