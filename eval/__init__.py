"""ClauseQA eval package."""
