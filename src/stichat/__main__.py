"""`python -m stichat` runs the `stichat` command."""

from stichat.cli import main

main()
