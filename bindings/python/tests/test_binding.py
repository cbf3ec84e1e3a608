"""The ctypes layer mirrors the C header exactly."""
import pathlib
import re
import subprocess
import sys

import tweetdigest
from tweetdigest import _capi


def declared_functions(header_text):
    declarations = re.findall(r"^TD_API\s+([^;]+);", header_text, re.MULTILINE)
    return {re.search(r"\b(td_\w+)\s*\(", d).group(1): d for d in declarations}


def test_binds_exactly_the_header_functions(header_path):
    declared = declared_functions(header_path.read_text(encoding="utf-8"))
    assert len(declared) > 40
    assert set(_capi.BOUND) == set(declared)


def test_each_binding_matches_the_prototype(header_path):
    declared = declared_functions(header_path.read_text(encoding="utf-8"))
    for name, declaration in declared.items():
        parameters = declaration[declaration.index("(") + 1:declaration.rindex(")")].strip()
        count = 0 if parameters in ("", "void") else parameters.count(",") + 1
        function = _capi.BOUND[name]
        assert len(function.argtypes) == count, name
        returns_status = declaration.startswith("td_status ")
        assert (function.restype is _capi.td_status) == returns_status, name
        assert (function.errcheck is not None if returns_status else True), name
        assert ("void td_" not in declaration) or function.restype is None, name


def test_every_binding_carries_its_prototype_comment():
    source = open(_capi.__file__, encoding="utf-8").read()
    for name in _capi.BOUND:
        assert re.search(rf"^# .*\b{name}\(", source, re.MULTILINE), name


def test_version_agrees_with_the_header(header_path):
    header = (header_path.parent.parent / "include" / "tweetdigest" / "version.h").read_text()
    expected = re.search(r'TD_VERSION_STRING "([^"]+)"', header).group(1)
    assert tweetdigest.version() == expected
    assert tweetdigest.__version__ == expected
    abi = re.search(r"#define TD_ABI_VERSION (\d+)", header_path.read_text()).group(1)
    assert tweetdigest.ABI_VERSION == int(abi) == _capi.td_abi_version()


def test_missing_library_is_an_import_error_listing_the_path(tmp_path):
    missing = tmp_path / "libnothing.so"
    result = subprocess.run(
        [sys.executable, "-c", "import tweetdigest"], capture_output=True, text=True,
        env={"TWEETDIGEST_LIBRARY": str(missing),
             "PYTHONPATH": str(pathlib.Path(_capi.__file__).parents[1])})
    assert result.returncode != 0
    assert "ImportError" in result.stderr and str(missing) in result.stderr


def test_status_names_and_last_error():
    assert _capi.td_status_string(-3) == b"TD_ERR_PARSE"
    _capi.td_clear_error()
    assert _capi.td_last_error() == b""
