"""The web layer: a FastAPI app serving the JSON API and the server-rendered explorer."""

from eventwire.web.app import create_app

__all__ = ["create_app"]
