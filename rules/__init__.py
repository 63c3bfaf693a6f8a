"""newslint's built-in rules: one module per rule family, each a pluggy plugin."""
