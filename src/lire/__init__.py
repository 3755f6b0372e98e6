"""lire: a terminal reader for articles.

```python
import lire
reading = lire.read("https://example.org/article")   # or a path, or "-"
reading.article.title, reading.article.blocks, reading.article.removed
reading.summary.points
```
"""

__version__ = "0.1.0"

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
from lire.pipeline import read, read_html, read_page, read_text
from lire.summarize import summarize_text

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
