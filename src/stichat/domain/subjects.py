"""What a message is about: which device and which problem it describes.

Both are found by weighted phrase rules from the vocabulary (``knowledge/language/``): the
heaviest problem wins, a suppressor cancels a problem's weak hits, and when a message names two
devices the one that works ("el monitor anda con la notebook, con la pc no") is set aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from stichat.domain import vocabulary as v
from stichat.domain.patterns import Index, compile_rule

DEVICE_RULES = tuple(
    (device, compile_rule(pattern), weight)
    for device, entries in v.DEVICE_PATTERNS.items()
    for pattern, weight in entries
)
_AMBIGUOUS_RES = tuple((compile_rule(pattern), cands) for pattern, cands in v.AMBIGUOUS_DEVICE_PATTERNS)


def _topic_patterns() -> Iterable[tuple[str, str, float]]:
    neg_works = rf"{{NEG}} {{CL}}{v.WORKS}"
    trouble = r"(?:problemas?|falla|fallas|problem|problems|issue|issues|trouble)"
    broken = r"(?:not working|stopped working|is broken|anda mal|funciona mal|dejo de (?:andar|funcionar))"
    for key, noun in v.TOPICS.items():
        yield key, rf"{noun} {{G}}{neg_works}", 2.0
        yield key, rf"{neg_works} (?:\S+ )?{{ART}}{noun}", 2.0
        yield key, rf"{trouble} (?:con|de|with|en|in) {{ART}}{noun}", 1.9
        yield key, rf"{noun} {{G}}(?:is |are )?{broken}", 2.0


PROBLEM_RULES = tuple(
    (key, compile_rule(pattern), weight)
    for key, entries in v.PROBLEM_PATTERNS.items()
    for pattern, weight in entries
) + tuple((key, compile_rule(pattern), weight) for key, pattern, weight in _topic_patterns())

_PROBLEM_INDEX = Index(PROBLEM_RULES)
_DEVICE_INDEX = Index(DEVICE_RULES)
_SUPPRESSOR_RES = {key: tuple(compile_rule(p) for p in pats) for key, pats in v.PROBLEM_SUPPRESSORS.items()}

def find_problem(canon: str, prefixes: frozenset[str]) -> tuple[str | None, float, dict[str, tuple[float, int]]]:
    hits: dict[str, list[tuple[float, int]]] = {}
    for key, match, weight in _PROBLEM_INDEX.matches(canon, prefixes):
        hits.setdefault(key, []).append((weight, match.start()))
    for key, suppressors in _SUPPRESSOR_RES.items():
        if key in hits and any(s.search(canon, prefixes) for s in suppressors):
            strong = [h for h in hits[key] if h[0] >= 2.0]
            if strong:
                hits[key] = strong
            else:
                del hits[key]
    if not hits:
        return None, 0.0, {}
    best = {key: (max(w for w, _ in hs), min(p for _, p in hs)) for key, hs in hits.items()}
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    key, (weight, _) = ranked[0]
    if weight < 1.0:  # only vague hints ("internet" alone): not a problem description yet
        return None, 0.0, best
    confidence = min(1.0, weight / 2.5)
    if len(ranked) > 1 and ranked[1][1][0] >= weight - 0.25:
        confidence *= 0.75
    return key, confidence, best


def prefer_plausible(
    device: str, problem: str, confidence: float, best: dict[str, tuple[float, int]], canon: str = ""
) -> tuple[str, float]:
    plausible = v.DEVICE_PROBLEMS.get(device, frozenset())
    if problem == "printing" and device in _ONLINE_THINGS and _OFFLINE.search(canon):
        return "no_internet", min(confidence, 0.7)  # "my ring doorbell camera is offline" is not a printer's offline
    if problem in plausible:
        return problem, confidence  # "cant print from my iphone": a phone or a computer sends what is printed
    if problem == "no_internet" and device in v.DEVICE_DEFAULT_PROBLEM and device not in _NETWORKED:
        # "my external ssd disconnects randomly" is a drive that drops off, not a network problem
        return v.DEVICE_DEFAULT_PROBLEM[device], min(confidence, 0.7)
    top = best[problem][0]
    for key, (weight, _) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1])):
        if key in plausible and weight >= 1.0 and weight + 0.3 >= top:
            return key, min(1.0, weight / 2.5) * 0.8
    if len(plausible - {"physical_damage"}) == 1 and top < 2.0 and problem in {"no_internet", "slow"}:
        # "el teclado inalámbrico no conecta" is not an internet problem: a keyboard is not detected
        return next(iter(plausible - {"physical_damage"})), min(confidence, 0.7)
    return problem, confidence


#: Problems only one device has: they settle a brand that names several devices ("mi hp no imprime").
_ONLY_ONE_HAS = {"printing": "printer"}
#: Devices that go online but never print: a printing reading of "offline" is a lost connection for them.
_ONLINE_THINGS = frozenset({"other", "tv", "router", "smartphone", "tablet"})
_OFFLINE = re.compile(r"(?<!\S)(?:offline|sin conexion|desconectad[oa]|fuera de linea)(?!\S)")
#: Devices whose "no se conecta" can be a network problem.
_NETWORKED = frozenset({"router", "printer", "monitor"})
_PART_OF = (re.compile(rf"\b{v.PART_OF}\b"), re.compile(rf"\b{v.PART_OF_EN}\b"))


def part_host(canon: str) -> str | None:
    """The device a part belongs to: "el teclado de la notebook" is the notebook."""
    for pattern in _PART_OF:
        part = pattern.search(canon)
        if part:
            return v.PART_HOSTS[part.group("host")]
    return None


def find_device(
    canon: str, problem: str | None, prefixes: frozenset[str]
) -> tuple[str | None, float, tuple[str, ...]]:
    hits: dict[str, tuple[float, int]] = {}
    for device, match, weight in _DEVICE_INDEX.matches(canon, prefixes):
        old = hits.get(device)
        if old is None or weight > old[0]:
            hits[device] = (weight, match.start())
    host = part_host(canon)
    if host is not None:
        return host, 0.8, ()
    strong = {d: h for d, h in hits.items() if h[0] >= 2.0 and d != "other"}
    vague_names = any(rule.search(canon, prefixes) for rule, _ in _AMBIGUOUS_RES)
    outright = hits.get("other", (0.0, 0))[0] >= 3.0
    if outright and not (strong and _FINE_WITH_OTHER.search(canon)):
        return "other", 0.9, ()  # a device outside the taxonomy, named outright
    strong = {d: h for d, h in strong.items() if not _denied(canon, h[1])} or strong
    # "la de escritorio, enchufada al monitor grande", "an lg ultrawide plugged into my desktop": what it is
    # plugged into is not the device at fault
    if not _BUT.search(canon):  # "los parlantes andan con el celu pero enchufados a la pc no": the pc fails
        strong = {d: h for d, h in strong.items() if not _ATTACHED_TO.search(canon, 0, h[1])} or strong
    working = _working(canon, prefixes) if len(strong) > 1 or (strong and vague_names) else set()
    broken = {d: h for d, h in strong.items() if d not in working}
    if "notebook" in broken and "keyboard" in broken and not _PLUGS_IN.search(canon):
        del broken["keyboard"]  # "se me volcó el mate en la note, justo en el teclado": the notebook's own keyboard
    if any(d not in v.PERIPHERALS for d in working):
        # "the monitor works with my laptop but not with the desktop": the peripheral is fine, the computer is not
        broken = {d: h for d, h in broken.items() if d not in v.PERIPHERALS} or broken
    if problem == "no_internet" and len(broken) > 1 and "router" not in broken and _NONE_OF.search(canon):
        return "router", 0.7, ()  # "ni el celu ni la note tienen internet": the connection itself
    if problem == "no_internet" and not broken and _EVERY_DEVICE.search(canon):
        return "router", 0.7, ()  # "no hay internet en ninguna máquina de la ofi": the connection, not one device
    if vague_names and problem in _COMPUTER_PROBLEMS and broken and all(
            d in v.PERIPHERALS and problem not in v.DEVICE_PROBLEMS.get(d, frozenset()) for d in broken):
        broken = {}  # "se me tildó la compu, no responde ni el mouse": the computer froze, which one is it?
    if problem == "not_detected" and _STORAGE_WORD.search(canon) and set(broken) & {"pc", "notebook"} and not (
            set(hits) & {"keyboard", "mouse", "smartphone", "tablet", "printer"}):
        return "storage", 0.7, ()  # "el ssd nuevo no aparece en la pc": the drive is what is not detected
    if problem == "no_display" and "monitor" in broken and len(broken) == 2 and set(broken) & {"pc", "notebook"} and (
            _ON_THE_MONITOR.search(canon) and not _ANOTHER_COMPUTER.search(canon)):
        # "prenden los ventiladores de la pc pero no aparece nada en el monitor": the computer gives no picture
        return next(d for d in broken if d != "monitor"), 0.6, ()
    # "el monitor anda con la otra compu, con esta no": the broken one is a computer, which one?
    named_vaguely = not broken and vague_names
    strong = {} if named_vaguely else (broken or strong)
    if len(strong) == 1:
        device = next(iter(strong))
        return device, 0.9, ()
    if strong and problem in _COMPUTER_PROBLEMS and len(strong) > 1:
        # "la notebook tira pantalla azul cuando la conecto al monitor": a monitor has no blue screen
        strong = {d: h for d, h in strong.items()
                  if d not in v.PERIPHERALS or problem in v.DEVICE_PROBLEMS.get(d, frozenset())} or strong
        if len(strong) == 1:
            return next(iter(strong)), 0.8, ()
    if problem in _COMPUTER_PROBLEMS | {"no_display"} and len(strong) > 1:
        # "la pc prende, las luces del teclado se encienden, pero no da video": a keyboard shows no picture
        unable = {d for d in strong if d in v.PERIPHERALS and problem not in v.DEVICE_PROBLEMS.get(d, frozenset())}
        if unable and len(unable) < len(strong):
            strong = {d: h for d, h in strong.items() if d not in unable}
            if len(strong) == 1:
                return next(iter(strong)), 0.7, ()
    if strong:
        peripherals = [d for d in strong if d in v.PERIPHERALS]
        if len(peripherals) == 1:
            return peripherals[0], 0.7, ()
        pool = {d: strong[d] for d in peripherals} if peripherals else strong
        device = min(pool, key=lambda d: (-pool[d][0], pool[d][1]))
        return device, 0.6, ()
    ambiguous: list[tuple[int, tuple[str, ...]]] = []
    for rule, cands in _AMBIGUOUS_RES:
        vague = rule.search(canon, prefixes)
        if vague:
            ambiguous.append((vague.start(), cands))
    weak = {d: h for d, h in hits.items() if d not in strong}
    if ambiguous:
        ambiguous.sort()
        candidates = ambiguous[0][1]
        for _, more in ambiguous[1:]:
            narrowed = tuple(c for c in candidates if c in more)
            candidates = narrowed or candidates
        if "storage" in weak and problem in {"not_detected", "data_recovery"}:
            return "storage", 0.5, ()
        owner = _ONLY_ONE_HAS.get(problem or "")
        if owner in candidates and len(candidates) > 1:
            return owner, 0.6, ()  # "mi hp no imprime más": of an HP laptop, desktop or printer, only one prints
        if problem == "battery" and "notebook" in candidates and "pc" in candidates:
            return "notebook", 0.6, ()
        hinted = [d for d in candidates if d in weak]
        if len(hinted) == 1:
            return hinted[0], 0.6, ()  # "no sound on calls on my samsung": of a Samsung's devices, a phone takes calls
        if len(candidates) == 1:
            return candidates[0], 0.6, ()
        return None, 0.0, candidates
    if set(weak) == {"router"} and _CLIENT_OF_WIFI.search(canon):
        return None, 0.0, ()  # "se desconecta del wifi" is said of a phone or a computer: ask which
    if weak:
        device = max(weak, key=lambda d: weak[d][0])
        return device, round(min(0.6, weak[device][0]), 2), ()
    return None, 0.0, ()


_CLAUSE = re.compile(r" (?:pero|but|y en|and on|mientras que|while|aunque|although) |"
                     r" (?=(?:en|on|con|with) (?:mi|my|la|el|the) \S+ (?:no|not|doesnt|dont|wont|nunca|never)(?!\S))|"
                     r"(?<=\S) (?:con esta|con este|"
                     r"with this one|on this one|en la mia|en el mio|on mine)(?= )")
_WORKS_FINE = re.compile(rf"(?<!\S)(?:{v.WORKS}|imprime|imprimo|prints|se conectan?|connects?|charges?|carga|"
                         rf"agarran?|enganchan?|can print|puedo imprimir|(?:its|is|esta) (?:fine|ok|bien)|"
                         rf"(?:suenan?|sounds?)(?= (?:\S+ )?(?:bien|fine|ok|good|great|perfect))|se ve|anda)(?: \S+)?"
                         rf"(?: (?:bien|joya|perfecto|barbaro|fine|ok|okay|well|perfectly))?(?!\S)")
#: Said of a device that is fine: "my ipad stays on the wifi just fine".
_FINE = re.compile(r"(?<!\S)(?:fine|joya|barbaro|perfecto|perfect|sin problemas?|no problems?|"
                   r"without (?:any )?(?:problems?|issues?))(?!\S)")
#: A verb of working said with praise: "imprime bárbaro" says it prints, even though "imprime" names a problem.
_WORKS_WELL = re.compile(rf"(?<!\S)(?:{v.WORKS}|imprime|prints|carga|charges|conecta|connects|se conecta|se ve|suena) "
                         r"(?:re |muy |super |just )?(?:bien|joya|barbaro|perfecto|fine|ok|perfectly|great)(?!\S)")
#: Signs that a keyboard is one that plugs in, not a notebook's own.
_PLUGS_IN = re.compile(r"usb|inalambric|wireless|bluetooth|extern|enchuf|plug|conect|connect|logitech|reconoc|detect")
_NEGATED = re.compile(rf"(?<!\S){v.NEG}(?!\S)")
#: A clause that ends by saying the device manages: "... but my phone can", "pero el celu sí".
_WORKS_TOO = re.compile(r"(?<!\S)(?:can|does|do|si|yes|puede|anda)$")


#: Problems only a computer, phone or tablet has: a peripheral named beside one is not the one at fault.
_COMPUTER_PROBLEMS = frozenset({"blue_screen", "no_boot", "slow", "freezes", "malware", "software", "overheating",
                                "battery", "account"})
#: A clause about how things were before: "first it was working good", "hasta ayer andaba joya".
_IN_THE_PAST = re.compile(r"(?<!\S)(?:was|were|used to|yesterday|at first|al principio|hasta ayer|ayer|antes "
                          r"(?:andaba|funcionaba|imprimia|cargaba))(?!\S)")
_PLACE_OF_WORK = re.compile(r"\b(?:at|for|from|to) work\b|\b(?:del|en el|al) (?:trabajo|laburo)\b")
_NONE_OF = re.compile(
    r"(?<!\S)(?:ni (?:el|la|mi|los|las) \S+ ni|ningun\w*|none of|neither|todos los|all (?:my|the)|both|los dos|ambos|"
    r"at the same time|al mismo tiempo|"
    r"todo lo (?:que|q) (?:esta|tengo) conectado|everything (?:connected|on the wifi))(?!\S)")
#: A device outside the taxonomy said to work beside one that does not: "el monitor anda con la play, con la pc no".
_FINE_WITH_OTHER = re.compile(r"(?<!\S)(?:anda|funciona|works|va) (?:bien |fine )?(?:con|with|en|on) "
                              r"(?!(?:el |la |mi |my |the )?(?:wifi|wi fi|internet|red|cable|network)(?!\S))\S")
#: A device denied right before it is named: "no la de escritorio", "not the laptop".
_DENIAL_BEFORE = re.compile(r"(?:^|\s)(?:no|not|ni|nor)(?: (?:es|la|el|los|las|the|my|a|an|un|una|its|mi))*\s*$")


def _denied(canon: str, start: int) -> bool:
    return bool(_DENIAL_BEFORE.search(canon[:start]))


#: A drive named as such: "usb" alone may be a port, a mouse or a phone's cable.
_STORAGE_WORD = re.compile(r"(?<!\S)(?:ssd|ssds|hdd|disco|discos|pendrive|pen drive|hard drive|drive|nvme|m2)(?!\S)")
#: The monitor as the place where nothing shows: "no aparece nada en el monitor".
_ATTACHED_TO = re.compile(r"(?<!\S)(?:enchufad[oa]|conectad[oa]|plugged|hooked up|connected|attached) (?:\S+ )?"
                          r"(?:a|al|a la|en|en el|en la|into|to|in) (?:el |la |mi |my |the |a |an )?(?:\S+ )?$")
_BUT = re.compile(r"(?<!\S)(?:pero|but)(?!\S)")
_ON_THE_MONITOR = re.compile(r"(?<!\S)(?:en|on|in) (?:el|the|my|mi) monitor(?!\S)")
_ANOTHER_COMPUTER = re.compile(r"(?<!\S)(?:otra|otro|another|other|ninguna|any) (?:pc|compu|computadora|notebook|note|"
                               r"laptop|computer)(?!\S)")
#: Every device of a place at once: "las 6 máquinas", "any device in the house".
_EVERY_DEVICE = re.compile(
    r"(?<!\S)(?:ningun[ao]?|todas? (?:las|los)|las \d+|los \d+|any|every|all (?:the|my|our)?|none of the) ?"
    r"(?:maquinas?|compus?|computadoras?|pcs?|equipos?|dispositivos?|aparatos?|devices?|computers?|machines?|"
    r"phones?|celus?|celulares)(?!\S)|(?<!\S)(?:(?:en|de) (?:toda )?(?:la|mi) (?:casa|ofi|oficina)|"
    r"in (?:the|my|our) (?:whole )?(?:house|home|office)|whole (?:house|home|office))(?!\S)")
_CLIENT_OF_WIFI = re.compile(
    r"(?<!\S)(?:se desconecta|desconecta|se cae|no se conecta|no conecta|no agarra|no engancha|drops|disconnects|"
    r"keeps disconnecting|wont connect|cant connect) (?:\S+ ){0,4}(?:del|al|el|de la|a la|from|to|the) (?:wifi|red)")


def _working(canon: str, prefixes: frozenset[str]) -> set[str]:
    """Devices named in a clause that says they work ("el monitor anda con la notebook, pero con la pc
    no"): when a message names two, the one with the problem is the other."""
    working: set[str] = set()
    for clause in _CLAUSE.split(canon):
        clause = _PLACE_OF_WORK.sub(" ", clause)  # "the tower under my desk at work" says nothing works
        if _IN_THE_PAST.search(clause):
            continue  # "my laptop was working fine yesterday" tells how it was before the problem
        says_works = _WORKS_FINE.search(clause) or _WORKS_TOO.search(clause) or _FINE.search(clause)
        if _NEGATED.search(clause) or not says_works or (
                find_problem(clause, prefixes)[1] >= 0.6 and not _WORKS_WELL.search(clause)):
            continue  # "anda lenta" describes a problem, it does not say the device works
        for device, rule, weight in DEVICE_RULES:
            if weight >= 2.0 and rule.search(clause, prefixes):
                working.add(device)
    return working
