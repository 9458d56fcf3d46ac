"""ClauseQA's index: load, clean, segment, embed and store clauses."""
