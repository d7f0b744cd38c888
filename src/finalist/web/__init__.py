"""The local web app (finalist serve): see ``finalist.web.app``."""

from finalist.web.app import create_app

__all__ = ["create_app"]
