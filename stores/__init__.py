"""Conversation stores: Rasa's own, with the one addition this product needs."""
