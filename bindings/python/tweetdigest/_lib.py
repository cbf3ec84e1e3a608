"""Finds and loads libtweetdigest_c."""
import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _file_names():
    if sys.platform == "win32":
        return ["tweetdigest_c.dll"]
    if sys.platform == "darwin":
        return ["libtweetdigest_c.dylib"]
    return ["libtweetdigest_c.so", "libtweetdigest_c.so.1"]


def _candidates():
    """Library paths in search order (see load_library)."""
    names = _file_names()
    folders = [
        _PACKAGE_DIR / "lib",  # a wheel or a copy next to the package
        _PACKAGE_DIR,
        _PACKAGE_DIR.parents[2],  # installed: <libdir>/python3/dist-packages/tweetdigest
    ]
    # The source tree's build folders (build/<name>/capi), newest first, for running tests.
    source_root = _PACKAGE_DIR.parents[2]
    builds = sorted((source_root / "build").glob("*/capi"),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    folders.extend(builds)
    return [folder / name for folder in folders for name in names]


def load_library():
    """Loads the C library from, in order: $TWEETDIGEST_LIBRARY (a file path), the package's
    folder (and its lib/), the install prefix the package sits in, the source tree's build
    folders, then the system's library path. Raises ImportError listing every place tried."""
    tried = []
    explicit = os.environ.get("TWEETDIGEST_LIBRARY")
    if explicit:
        try:
            return ctypes.CDLL(explicit)
        except OSError as error:
            raise ImportError(f"TWEETDIGEST_LIBRARY={explicit} cannot be loaded: {error}") from error

    for path in _candidates():
        if path.is_file():
            if sys.platform == "win32":
                os.add_dll_directory(str(path.parent))
            try:
                return ctypes.CDLL(str(path))
            except OSError as error:
                tried.append(f"{path} ({error})")
        else:
            tried.append(str(path))

    system = ctypes.util.find_library("tweetdigest_c")
    for name in ([system] if system else []) + _file_names():
        try:
            return ctypes.CDLL(name)
        except OSError:
            tried.append(f"{name} (system library path)")

    raise ImportError("libtweetdigest_c not found; set TWEETDIGEST_LIBRARY to its path. Tried:\n  "
                      + "\n  ".join(tried))
