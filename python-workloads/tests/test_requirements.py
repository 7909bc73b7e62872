"""requirements-free-threaded.txt is requirements.txt less the packages without a free-threaded
wheel: its pins must not drift from requirements.txt's, and what it leaves out is named with why."""

from pathlib import Path

from polybench.variants import NO_FREE_THREADED_WHEEL

HERE = Path(__file__).resolve().parent.parent


def pins(name: str) -> dict[str, str]:
    out = {}
    for line in (HERE / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pkg, version = line.split("==")
            out[pkg.lower()] = version
    return out


def test_free_threaded_pins_equal_the_gil_venvs():
    gil, ft = pins("requirements.txt"), pins("requirements-free-threaded.txt")
    assert ft, "requirements-free-threaded.txt pins nothing"
    for pkg, version in ft.items():
        assert gil.get(pkg) == version, f"{pkg}=={version} is pinned {gil.get(pkg)} in requirements.txt"


def test_every_package_left_out_is_explained():
    gil, ft = pins("requirements.txt"), pins("requirements-free-threaded.txt")
    assert set(gil) - set(ft) == set(NO_FREE_THREADED_WHEEL)
