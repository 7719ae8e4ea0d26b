"""Rasa input channels of this project: the web chat page, and Rasa's Telegram and Slack
connectors with what a clinic deployment needs on top. Named in credentials.yml."""
