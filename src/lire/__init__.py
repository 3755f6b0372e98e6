"""lire: a terminal reader for articles.

```python
import lire
reading = lire.read("https://example.org/article")   # or a path, or "-"
reading.article.title, reading.article.blocks, reading.article.removed
reading.summary.points
```
"""

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from lire.config import Config, load_config
from lire.errors import ConfigError, ExtractionError, FetchError, LireError
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

if TYPE_CHECKING:
    from lire.pipeline import read, read_html, read_page, read_text
    from lire.summarize import summarize_text

_LAZY = {
    "read": "lire.pipeline",
    "read_html": "lire.pipeline",
    "read_page": "lire.pipeline",
    "read_text": "lire.pipeline",
    "summarize_text": "lire.summarize",
}


def __getattr__(name: str) -> Any:
    """The pipeline (lxml, readability, httpx) is imported on first use, not with the package."""
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'lire' has no attribute {name!r}")


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
