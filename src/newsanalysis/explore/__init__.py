"""Explore: an interactive explorer of pages and of a corpus in JupyterLab (ipywidgets), the last stage.

``na.explore(source)`` (:func:`explore`) opens a page, a folder of pages or a built corpus in an
:class:`Explorer`: page and article pickers, the article's annotated text, keyword in context, top terms and
figures with their sentences, sources, the parser's warnings, and over a corpus a term's trend. ``views`` makes
its HTML fragments.

The package has the name of its function, and Python sets ``newsanalysis.explore`` to this package as soon as it
is imported; so the package itself is callable and ``na.explore(...)`` is :func:`explore` either way.
"""

import sys
import types

from newsanalysis.explore.explorer import Explorer, explore, resolve_pages

__all__ = ["Explorer", "explore", "resolve_pages"]


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs) -> Explorer:
        return explore(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
