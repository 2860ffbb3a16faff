"""STI Chat: Tecnos, the technical-support chat assistant of STI (Rosario, Argentina)."""

__version__ = "0.1.0"
