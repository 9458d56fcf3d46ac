"""The bundled corpus' file names, shared by the tests that pin exact results on it."""

F000 = "000_7332def5b04a4bbf.txt"
F001 = "001_29af6fc4e2f0617e.txt"
F002 = "002_bcfa04a8f03d8167.txt"
F003 = "003_1e1bd8ecb04b3d3e.txt"
F004 = "004_3d9f13f584b4be9c.txt"
SAMPLE_FILES = (F000, F001, F002, F003, F004)
