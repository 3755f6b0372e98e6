"""lire: a terminal reader for articles.

```python
import lire
reading = lire.read("https://example.org/article")   # or a path, or "-"
reading.article.title, reading.article.blocks, reading.article.removed
reading.summary.points
```

The public surface is exactly ``__all__``. Everything else (the stage packages ``lire.fetch``,
``lire.extract``, ``lire.clean``, ``lire.summarize``, ``lire.text``, ``lire.store``, the app in
``lire.ui``) is internal: importable, typed, but free to change between versions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING as _TYPE_CHECKING

from lire.config import Config, load_config
from lire.errors import ConfigError, ExtractionError, FetchError, LireError
from lire.exports import lazy_exports as _lazy_exports
from lire.model import (
    Article,
    Block,
    BlockKind,
    KeyPoint,
    Link,
    Page,
    Reading,
    Removal,
    Summary,
)
from lire.version import __version__

if _TYPE_CHECKING:
    from lire.pipeline import read, read_html, read_page, read_text
    from lire.summarize.offline import summarize_text

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Config",
    "ConfigError",
    "ExtractionError",
    "FetchError",
    "KeyPoint",
    "Link",
    "LireError",
    "Page",
    "Reading",
    "Removal",
    "Summary",
    "__version__",
    "load_config",
    "read",
    "read_html",
    "read_page",
    "read_text",
    "summarize_text",
]

# The pipeline (lxml, readability, httpx) is imported on first use, not with the package.
__getattr__ = _lazy_exports(
    __name__,
    {
        "read": "lire.pipeline",
        "read_html": "lire.pipeline",
        "read_page": "lire.pipeline",
        "read_text": "lire.pipeline",
        "summarize_text": "lire.summarize.offline",
    },
)
