"""The customer's name in a reply to "what is your name?", and nothing else.

Introductions ("me llamo", "soy", "my name is"), particles ("del Valle", "van der Meer"), contact
details typed with the name cut off first, and words that are not names (roles, greetings,
profanity, vocabulary) refused.
"""

from __future__ import annotations

import re

from stichat.domain import vocabulary as v
from stichat.domain.patterns import compile_rule
from stichat.domain.spelling import KNOWN_WORDS, normalise

_PROFANE_RE = compile_rule(v.PROFANE_PHRASES)

_RAW_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_INTROS = tuple(
    tuple(intro.split()) for intro in sorted(v.NAME_INTROS.split("|"), key=lambda s: -len(s.split()))
)
_WEAK_INTROS = frozenset({("soy",), ("soi",), ("im",), ("i", "am"), ("i", "m"), ("its",), ("it", "s"), ("this", "is"),
                          ("habla",), ("aca",), ("aqui",), ("nombre",), ("decime",)})
_LEAD_SKIP = frozenset({
    "hola", "holis", "buenas", "buen", "buenos", "dia", "dias", "tardes", "noches", "que", "tal", "hi",
    "hello", "hey", "good", "morning", "afternoon", "evening", "tecnos", "ok", "dale", "si", "bueno",
    "che", "ah", "eh", "yes", "sure", "okay", "claro", "well", "perdon", "disculpa", "gracias", "thanks",
    "there", "hla", "ola", "holaa", "buenass", "querido", "querida", "estimado", "estimada",
})
#: Words for what someone is, never their name: "soy Estudiante" is not a name even capitalised.
_ROLES = frozenset("""
cliente estudiante profesor profesora docente jubilado jubilada nuevo nueva medico medica abogado abogada
contador contadora tecnico tecnica usuario usuaria dueno duena mama papa hijo hija abuela abuelo nieto
nieta senor senora yo usted vos nadie alguien anonimo anonima student teacher customer user owner
""".split())
_NOT_NAMES = KNOWN_WORDS | _ROLES | frozenset("""
from here there having trying looking wondering not sure sorry new old the lol xd jaja jajaja jeje
""".split())
_BAD_CHARS = re.compile(r"[@#$%&*=+<>/\\|{}\[\]~^]|https?|www\.")
_HAS_VOWEL = re.compile(r"[aeiouy]")


def _name_key(word: str) -> str:
    return normalise(word).replace(" ", "")


def _is_name_word(word: str) -> bool:
    key = _name_key(word)
    if len(key) < 2 or key in _NOT_NAMES or key in v.PROFANITY:
        return False
    if len(key) >= 3 and not _HAS_VOWEL.search(key):
        return False
    return not (key.endswith("ing") and len(key) > 5)


def _format_name(words: list[str]) -> str:
    name = " ".join(words)
    if name != name.lower() and name != name.upper():
        return name
    words = [w.lower() for w in words]
    out: list[str] = []
    for i, word in enumerate(words):
        if i > 0 and word in v.NAME_PARTICLES:
            out.append(word)
            continue
        out.append(re.sub(r"(^|['’\-])(\w)", lambda m: m.group(1) + m.group(2).upper(), word))
    return " ".join(out)


def _collect(words: list[str], gaps: list[str], start: int) -> list[str]:
    taken: list[str] = []
    while start < len(words) - 1 and _name_key(words[start]) in _TITLES:
        start += 1
    i = start
    while i < len(words) and len(taken) < 6:
        if i > start and gaps[i].strip():
            break  # punctuation between words ends the name
        key = _name_key(words[i])
        after = i + 1
        while after < len(words) and _name_key(words[after]) in v.NAME_PARTICLES:
            after += 1  # "de los", "van der": particles in a row before the next name word
        # A capitalised name takes a capitalised surname: "Graciela del almacén" is Graciela.
        capitals = any(w[:1].isupper() for w in taken)
        particle = (bool(taken) and key in v.NAME_PARTICLES and after < len(words)
                    and (words[after][:1].isupper() or not capitals) and _name_key(words[after]) not in _PLACES)
        # After a particle a capitalised word is a surname even when it is also a word ("de la Torre").
        surname = bool(taken) and _name_key(taken[-1]) in v.NAME_PARTICLES and words[i][:1].isupper()
        # A capitalised word beside another capitalised name is a name even when it is also a word ("Mark Thompson").
        beside = words[i][:1].isupper() and not words[i].isupper() and (
            (i + 1 < len(words) and words[i + 1][:1].isupper() and _is_name_word(words[i + 1]))
            or (bool(taken) and taken[-1][:1].isupper()))
        if (particle and (_is_name_word(words[after]) or words[after][:1].isupper())) or surname or beside or (
                _is_name_word(words[i])):
            taken.append(words[i])
        else:
            break
        i += 1
    while taken and _name_key(taken[-1]) in v.NAME_PARTICLES:
        taken.pop()
    return taken


#: Words that introduce a phone number: "mi cel es …", "my number".
PHONE_WORDS = r"cel|celu|celular|tel|tel[eé]fono|whatsapp|wsp|wpp|n[uú]mero|number|phone|cell"
_CONTACT = re.compile(
    r"\[(?:EMAIL|CARD|CBU|CUIT|DNI|PHONE)\]|\S+@\S+|\+?\d[\d\s().-]{5,}|"
    rf"(?i:\b(?:mi|my)\s+(?:{PHONE_WORDS}|mail|e-?mail|correo)\b|"
    r"(?:you can )?(?:text|call|reach|contact|whatsapp|email|e-mail|mail|write|message) me\b"
    r"(?=\s*(?:at\b|on\b|to\b|\[|\d|\S+@|$))|"
    r"\b(?:cel|cell|celu|tel|mail|email|phone|whatsapp|wsp)\b\s*[:.]?\s*(?=\[|\d|\S+@))")
#: Greetings in front of a name, however many: "Good evening, myself Priya", "Hola, buenas, soy Ana".
_GREETING = re.compile(r"(?i)^(?:(?:good (?:morning|afternoon|evening)|buenas (?:tardes|noches)|buenos d[ií]as|"
                       r"buen d[ií]a|good day|hi there|hiya|hi|hello|hey|hola|holis|holaa|hla|ola|buenas|bonjour|yo|"
                       r"dear|sir|madam|q tal|que tal|qu[eé] tal|como va|c[oó]mo and[aá]s|ma'?am|se[ñn]or|se[ñn]ora|"
                       r"se[ñn]orita)\b[,!.\s]*)+")
#: What follows a name after a comma or a dash is about the person, not the name: "Osvaldo, de la ferretería".
_AFTER_NAME = re.compile(r"\s*(?:[,;(]|\s[-–—]\s|[.!]\s)|\s+(?:y\s+)?tengo\s")
_TITLE_DOT = re.compile(
    r"(?i)^(?:(?:soy|i am|im|i'm)\s+)?(?:prof|dr|dra|sr|sra|srta|lic|ing|cr|cra|esc|mr|mrs|ms)\.\s*")
#: The dot of a title inside the text ("habla la Dra. Silvia") is not the end of a sentence.
_TITLE_ABBREVIATION = re.compile(r"(?i)\b(prof|dr|dra|sr|sra|srta|lic|ing|cr|cra|esc|mr|mrs|ms)\.\s*")
#: Titles before a name are not part of it: "Prof. Liliana Ortiz", "Don Osvaldo", "Dr. Paz".
_TITLES = frozenset({"prof", "profe", "profesor", "profesora", "dr", "dra", "doctor", "doctora", "don", "dona", "sr",
                     "sra", "srta", "lic", "licenciado", "licenciada", "ing", "ingeniero", "ingeniera", "arquitecto",
                     "arquitecta", "mr", "mrs", "ms", "miss", "father", "padre", "sister", "pastor", "senor", "senora",
                     "senorita", "cr", "cra", "contador", "contadora", "escribano", "escribana", "esc"})
#: Where someone writes from, after "de": "Ramón de Reconquista" is Ramón (the city is not a surname).
_PLACES = frozenset("""
rosario reconquista funes roldan santa cordoba buenos villa granadero casilda rafaela venado parana capitan
arroyo canada firmat fisherton echesortu zona barrio centro alberdi baigorria
inmobiliaria farmacia kiosco kiosko estudio oficina escuela colegio ferreteria panaderia verduleria libreria agencia
empresa consultorio municipalidad muni taller negocio local fabrica cooperativa clinica sanatorio almacen
office shop store school clinic pharmacy bakery company firm agency studio library church hospital bank
restaurant cafe practice accounting sales marketing finance reception admin contabilidad ventas
administracion recepcion sistemas compras
""".split())
_NAME_TAIL = re.compile(r"(?i)^(?:name'?s|names|name is|name\s*:|nombre\s*:)\s*|\s+(?:here|aqu[ií]|ac[aá])\s*[.!]*$")


def extract_name(text: str) -> str | None:
    """The customer's name in a reply to "what is your name?", or None when it is not a name.

    Contact details typed with it ("soy Juan, mi cel es …") are cut off first: the name stays, the
    number never becomes part of it.
    """
    raw = _CONTACT.split(text.strip()[:200], maxsplit=1)[0]
    here = bool(_NAME_TAIL.search(raw.strip(" ,;:-–—.")))  # "Mark here": the tail introduces the name
    raw = _NAME_TAIL.sub("", raw.strip(" ,;:-–—.")).strip(" ,;:-–—.")
    raw = _TITLE_DOT.sub("", _GREETING.sub("", raw).strip())
    raw = _TITLE_ABBREVIATION.sub(r"\1 ", raw)
    parts = _AFTER_NAME.split(raw, maxsplit=1)
    while len(parts) > 1 and all(_name_key(w) in _LEAD_SKIP for w in parts[0].split()):
        parts = _AFTER_NAME.split(parts[1].strip(), maxsplit=1)  # "ah ok, soy Fer": the lead says no name yet
    raw = parts[0].strip(" ,;:-–—.!")
    raw = _NAME_TAIL.sub("", raw).strip(" ,;:-–—.!")  # "Kevin here. my android is slow": the tail before the stop
    if not raw or any(c.isdigit() for c in raw) or _BAD_CHARS.search(raw.lower()):
        return None
    norm = normalise(raw)
    if any(t in v.PROFANITY for t in norm.split()) or _PROFANE_RE.regex.search(norm):
        return None
    matches = list(_RAW_WORD.finditer(raw))
    if not matches:
        return None
    words = [m.group(0) for m in matches]
    gaps = [raw[(matches[i - 1].end() if i else 0):m.start()] for i, m in enumerate(matches)]
    keys = [_name_key(w) for w in words]
    for i in range(len(keys)):
        for intro in _INTROS:
            if tuple(keys[i:i + len(intro)]) != intro:
                continue
            start = i + len(intro)
            if start + 1 < len(keys) and keys[start] in ("el", "la"):
                start += 1  # "soy la Juli"
            if intro in _WEAK_INTROS and any(k not in _LEAD_SKIP for k in keys[:i]):
                continue  # "no soy experto", "mi compu es ..." are not introductions
            taken = _collect(words, gaps, start)
            at_start = all(k in _LEAD_SKIP for k in keys[:i])
            if not taken and start == len(words) - 1 and words[start][:1].isupper() and (
                    intro not in _WEAK_INTROS or (at_start and keys[start] not in _ROLES)):
                taken = [words[start]]  # "call me Sam", "acá Facu": after an introduction, a capitalised name
            if taken and (start >= len(words) or len(taken) <= 6):
                return _format_name(taken)
            if intro not in _WEAK_INTROS:
                return None
    start = 0
    while start < len(keys) and keys[start] in _LEAD_SKIP:
        start += 1
    while start < len(keys) - 1 and keys[start] in _TITLES:
        start += 1  # "Profe Silvina": the title is not part of the name
    rest = words[start:]
    if not rest or len(rest) > 6:
        return None
    taken = _collect(words, gaps, start)
    if here and not taken and len(rest) == 1 and rest[0][:1].isupper() and _name_key(rest[0]) not in _ROLES:
        return rest[0]  # "Hi, Mark here": a capitalised word named as oneself, even when it is also a word
    left = [_name_key(w) for w in rest[len(taken):]]
    place = [k for k in left if k not in ("la", "el", "los", "las", "the")]  # "Mirta de la inmobiliaria"
    # "Tom from the dental office": a place within the next three words
    from_place = len(place) >= 2 and place[0] in ("de", "del", "desde", "from") and any(
        k in _PLACES for k in place[1:4])
    return _format_name(taken) if taken and (len(taken) == len(rest) or from_place) else None
