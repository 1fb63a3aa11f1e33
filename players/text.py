"""Name folding shared by alias uniqueness and look-ups: case-, accent- and spacing-insensitive."""

import re
import unicodedata

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")


def fold_name(value: str) -> str:
    """'  Mbappé ' and 'MBAPPE' fold to the same key; 'Ødegaard' folds to 'odegaard'."""
    value = _INVISIBLE.sub("", unicodedata.normalize("NFKC", value))
    value = value.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().casefold()
