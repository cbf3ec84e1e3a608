import os
import pathlib
import sys

import pytest

PACKAGE_ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCE_ROOT = PACKAGE_ROOT.parents[1]
sys.path.insert(0, str(PACKAGE_ROOT))


@pytest.fixture
def day_path():
    return SOURCE_ROOT / "tests" / "capi" / "data" / "day.jsonl"


@pytest.fixture
def header_path():
    return SOURCE_ROOT / "capi" / "tweetdigest.h"


@pytest.fixture
def output_dir(tmp_path):
    return tmp_path


@pytest.fixture
def corpus(day_path):
    import tweetdigest
    with tweetdigest.read_corpus(day_path, tz="Asia/Shanghai", date="2026-01-25") as corpus:
        yield corpus


@pytest.fixture(scope="session")
def fonts():
    import tweetdigest
    with tweetdigest.Fonts() as fonts:
        yield fonts


def pytest_report_header():
    return f"TWEETDIGEST_LIBRARY={os.environ.get('TWEETDIGEST_LIBRARY', '(search)')}"
