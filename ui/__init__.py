"""ClauseQA's faces: the web page (build_app() makes it, launch() serves it) and the command line (ui.cli)."""

from ui.app import build_app
from ui.launch import launch

__all__ = ["build_app", "launch"]
