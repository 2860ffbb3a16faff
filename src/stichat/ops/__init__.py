"""Operations: what the `stichat` operations commands do (smoke, preflight, backup and restore, canary
check, digest), through ports; the commands themselves live in `stichat.cli`."""
