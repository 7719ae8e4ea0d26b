"""Changes to how the Rasa server runs, loaded with the model (see each module)."""
