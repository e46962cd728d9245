#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu 22.04):
# Python 3.11 from Ubuntu's own archive, and the grading packages pinned with hashes.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends python3.11 python3.11-venv ca-certificates
python3.11 -m venv /autograder/venv
/autograder/venv/bin/python -m pip install --disable-pip-version-check --no-deps \
  --require-hashes -r katas/graders/requirements.lock
/autograder/venv/bin/python -c "import sys; assert sys.version_info >= (3, 11), sys.version"
