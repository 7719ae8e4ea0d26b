"""`make bench`: the assistant against the stock Rasa assistant under the same load."""
