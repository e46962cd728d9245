"""Contributors' tools: check, triangle, sums, bench, mutants (python -m kit dev ...)."""
