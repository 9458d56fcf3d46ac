"""Serving the app: local by default, public only when asked, login from the environment."""

from __future__ import annotations

import logging
import os

from ui.app import CSS, build_app, theme

log = logging.getLogger(__name__)


def auth_from_env() -> tuple[str, str] | None:
    """(user, password) when both CLAUSEQA_UI_USER and CLAUSEQA_UI_PASSWORD are set."""
    user = os.environ.get("CLAUSEQA_UI_USER", "")
    password = os.environ.get("CLAUSEQA_UI_PASSWORD", "")
    return (user, password) if user and password else None


def launch(assistant, host: str = "127.0.0.1", port: int = 7860, share: bool = False, *,
           max_upload_mb: float = 20, block: bool = True):
    """Serve the ClauseQA page; `block=False` returns the running gr.Blocks (tests, notebooks)."""
    demo = build_app(assistant, max_upload_mb=max_upload_mb)
    auth = auth_from_env()
    if (share or host not in ("127.0.0.1", "localhost", "::1")) and auth is None:
        log.warning("ClauseQA UI reachable beyond this machine without a login; set "
                    "CLAUSEQA_UI_USER and CLAUSEQA_UI_PASSWORD to require one.")
    demo.queue(default_concurrency_limit=1)
    demo.launch(server_name=host, server_port=port, share=share, auth=auth,
                max_file_size=f"{max_upload_mb:g}mb", prevent_thread_lock=not block,
                show_error=True, quiet=not block, css=CSS, theme=theme())
    return demo
