"""The kit's tools: orchestration, scoreboard, reports, gradebook, sandbox. Not for graders."""
