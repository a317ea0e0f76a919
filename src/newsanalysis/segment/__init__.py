"""Segment: words. The only package that imports jieba.

What belongs here: the dictionaries and stopwords (``lexicon``), the immutable :class:`Tokenizer`
(``tokenizer``) and the engines that cut for it (``engine``: jieba-rs with jieba's exact tokens, or jieba),
new-word discovery (``newwords``) and the one input contract every analysis uses to turn a
page, an article or a string into the units it works on (``units``).
"""

from newsanalysis.segment.lexicon import DictionaryError, read_user_dict
from newsanalysis.segment.newwords import discover_words
from newsanalysis.segment.tokenizer import Tokenizer, extract_keywords, get_tokenizer
from newsanalysis.segment.units import Segmented, segmented

__all__ = ["DictionaryError", "Tokenizer", "discover_words", "extract_keywords", "get_tokenizer",
           "read_user_dict", "Segmented", "segmented"]
