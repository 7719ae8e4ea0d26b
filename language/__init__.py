"""Language understanding built for this project: the spaCy vocabulary pipeline and the
Rasa NLU components that use it."""
