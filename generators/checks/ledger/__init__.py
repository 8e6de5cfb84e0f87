"""Rules X830–X832: ids once published stay known (the committed ledger of published ids)."""
