"""What a customer says they already did, and the steps that would repeat it."""

from __future__ import annotations

# Things a customer says they already did ("ya cambié el cable"), and the steps that would repeat them:
# a step whose text (normalised, es-AR or English) matches the second pattern is left out.
ALREADY_DONE: dict[str, tuple[str, str]] = {
    "cable": (
        r"(?:ya )?(?:cambie|probe (?:con )?otro|probe otro|use otro) (?:el )?cable(?: \S+)?|"
        r"(?:already )?(?:tried|changed|swapped|used) (?:a |another |a different |the )?(?:\S+ )?cable",
        r"otro cable|another cable|a different cable|cambia el cable|swap the cable",
    ),
    "outlet": (
        r"(?:ya )?(?:probe|cambie|use) (?:en |con )?otro (?:enchufe|toma|tomacorriente)|"
        r"(?:tried|used) (?:another|a different) "
        r"(?:outlet|socket|plug)",
        r"otro tomacorriente|otro enchufe|otro toma|another outlet|a different outlet",
    ),
    "charger": (
        r"(?:ya )?(?:probe|cambie|use) (?:con )?otro cargador|(?:tried|used) (?:another|a different) charger",
        r"otro cargador|another charger|a different charger",
    ),
    "restart": (
        r"ya (?:lo |la )?(?:reinicie|resetee|apague y (?:lo |la )?prendi)|(?:already )?(?:restarted|rebooted) "
        r"(?:it|the \S+)? ?(?:already|twice|again)?",
        r"^reinicia|^reinicialo|^reiniciala|^restart|^reboot",
    ),
}
