"""The project's tests. A regular package, so that `tests.channels` and `tests.servers`
resolve here and not to the top-level `tests` package medspacy_quickumls installs."""
