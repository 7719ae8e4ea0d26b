"""Browser tests of the web chat page; a package so that its conftest and helpers do not
clash with those of tests/unit when both are collected together."""
