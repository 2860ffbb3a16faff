"""Reading a customer's turn: a button value or typed text becomes one `Event` for `apply()`.

Typed text is read in the light of the stage it arrives at: the same "no" refuses the privacy
notice at ASK_CONSENT and says "still broken" at the steps. Nothing typed at the steps falls
through to a generic prompt: a follow-up, a question, a shop question, a complaint, another
problem or a change of device each has its own dialogue act.
"""

from __future__ import annotations

import re
from typing import Protocol

from stichat.domain import vocabulary as v
from stichat.domain.conversation import TRANSITIONS, Conversation, Event, Kind, Stage
from stichat.domain.errors import UnknownButton
from stichat.domain.guesses import learned_act, learned_problem
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.nlu import Intent, Understanding, extract_name, understand
from stichat.domain.pii import Masked
from stichat.domain.prompts import level_of, steps_for
from stichat.domain.spelling import normalise
from stichat.domain.subjects import part_host

_SIMPLE_BUTTONS = {
    "BTN_LANG_ES_AR": (Kind.LANGUAGE, "es-AR"),
    "BTN_LANG_EN": (Kind.LANGUAGE, "en"),
    "BTN_CONSENT_NO": (Kind.REFUSE, None),
    "BTN_NO_NAME": (Kind.SKIP_NAME, None),
    "BTN_SOLVED": (Kind.SOLVED, None),
    "BTN_PERSIST": (Kind.PERSISTS, None),
    "BTN_BACK_TO_STEPS": (Kind.SHOW_STEPS, None),
    "BTN_ADVANCED_TESTS": (Kind.ADVANCED, None),
    "BTN_CONNECT_TECH": (Kind.TECHNICIAN, None),
    "BTN_WHATSAPP": (Kind.TECHNICIAN, None),
    "BTN_REPHRASE": (Kind.REPHRASE, None),
    "BTN_NEXT_PROBLEM": (Kind.NEXT_PROBLEM, None),
    "BTN_RESET": (Kind.RESET, None),
    "BTN_CLOSE": (Kind.CLOSE, None),
}
MAX_HELP_STEP = 20
STEP_STAGES = (Stage.BASIC_TESTS, Stage.ADVANCED_TESTS)
#: A question that is a request for a person: "¿me puede llamar alguien?", "could someone call me?".
_REQUEST = re.compile(
    r"(?i)\b(?:can|could|would|will|puede|pueden|podes|podés|podrian|podrían|podria|podría)\b.{0,30}"
    r"\b(?:someone|somebody|a person|a tech\w*|you guys|your team|alguien|un t[ée]cnico|ustedes|uds)\b"
    r"|\b(?:puedo|can i|could i|may i) (?:hablar|talk|speak|chat)\b"
    r"|\b(?:someone|alguien)\b.{0,20}\b(?:call|contact|llam\w*|contact\w*)"
    r"|\b(?:is there|theres|hay|no hay)\b.{0,12}\b(?:human|person|someone|somebody|tech\w*|agent|alguien|nadie|"
    r"persona|t[ée]cnico)\b"
    r"|\b(?:quiero|quisiera|necesito|want to|wanna|need to) (?:hablar|talk|speak|chatear)\b"
    r"|\b(?:prefiero|prefeririamos|i(?:d| would)? rather|i prefer)\b.{0,12}\b(?:hablar|talk|speak|chatear|que me "
    r"(?:llame|atienda)|alguien|someone|somebody|a person)\b"
    r"|\bcon qui[eé]n (?:hablo|me comunico|puedo hablar)\b|\bwho (?:do|can|should) i (?:talk|speak) to\b"
    r"|\b(?:me pas[aá]n|me pas[aá]s|pasame|p[aá]senme|me comunic[aá]n|me deriv[aá]n|conectame|connect me|put me)\b"
    r".{0,12}\b(?:con|with|to|through)\b"
    r"|\bme atiende alguien\b|\balguien (?:que )?me atienda\b"
    r"|\bway to get (?:a |an )?(?:tech\w*|professional|someone|person)\b"
    r"|\b(?:possib\w*|chance|posib\w*|forma de)\b.{0,25}\b(?:tech\w*|someone|somebody|a person|alguien|t[ée]cnic\w*)\b")
#: A question proper, as opposed to a request phrased with a question mark ("¿me pasás con un técnico?").
_INTERROGATIVE = re.compile(
    r"^(?:(?:y|pero|che|ok|bueno|hola|disculpa|perdon|una consulta|consulta) )*(?:que|como|cual|cuales|cuando|donde|"
    r"por que|para que|puedo|conviene|es|sera|hay que|tengo que|debo|what|whats|how|why|which|when|where|wheres|is|"
    r"should|do i|can i|wats|wat|wut)\b")
#: The whole answer to "what is your name?" is one capitalised word.
_LONE_NAME = re.compile(r"^\s*([A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2,})\s*[.!]?\s*$")
_FUNCTION_WORDS = v.SPANISH_WORDS | v.ENGLISH_WORDS
FOLLOW_UP_STAGES = (Stage.BASIC_TESTS, Stage.ADVANCED_TESTS, Stage.ESCALATE)


def button_event(value: str, kb: KnowledgeBase) -> Event:
    """The event a button value stands for; an unknown value raises UnknownButton."""
    if value in _SIMPLE_BUTTONS:
        kind, arg = _SIMPLE_BUTTONS[value]
        return Event(kind, value=arg, button=value)
    if value.startswith("BTN_DEV_"):
        device = value.removeprefix("BTN_DEV_").lower()
        if device in kb.device_labels:
            return Event(Kind.DEVICE, value=device, button=value)
    if value.startswith("BTN_PROBLEM_"):
        problem = value.removeprefix("BTN_PROBLEM_").lower()
        if problem in kb.problem_labels:
            return Event(Kind.PROBLEM, value=problem, button=value)
    if value.startswith("BTN_HELP_"):
        number = value.removeprefix("BTN_HELP_")
        if number.isdigit() and 1 <= int(number) <= MAX_HELP_STEP:
            return Event(Kind.HELP, step=int(number), button=value)
    raise UnknownButton(f"unknown button value {value[:40]!r}")


def _describes(heard: Understanding) -> bool:
    return bool(heard.problem or heard.device or heard.device_candidates)


def _new_subject(c: Conversation, heard: Understanding) -> bool:
    """Whether the text names a device or problem other than the one being worked on."""
    other_device = heard.device is not None and heard.device != c.device
    other_problem = heard.problem is not None and heard.problem not in (c.problem, "other")
    return other_device or other_problem


def text_event(conversation: Conversation, text: Masked, heard: Understanding, *, kb: KnowledgeBase | None = None,
               had_pii: bool = False) -> Event:
    """Interpret free text in the light of the stage it arrives at."""
    c, stage, intents = conversation, conversation.stage, heard.intents

    def ev(kind: Kind, value: str | None = None, step: int | None = None) -> Event:
        return Event(kind, value=value, step=step, heard=heard, text=text, had_pii=had_pii)

    if stage in (Stage.ASK_CONSENT, Stage.CLOSED):
        # A refusal is never read as consent: "no acepto" says both "no" and "acepto".
        if Intent.NO in intents:
            return ev(Kind.REFUSE)
        if Intent.YES in intents:
            return ev(Kind.LANGUAGE, "en" if heard.language == "en" else c.locale)
        return ev(Kind.UNCLEAR, heard.language)
    if stage == Stage.ASK_NAME:
        name = extract_name(text)
        if name:
            rest = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
            if rest != text:
                heard = understand(rest)  # "me llamo Juan Cruz de la Torre": a surname names no device
            return ev(Kind.NAME, name)
        lone = _LONE_NAME.match(text)
        if lone and not (heard.intents or heard.device or heard.problem or heard.topic) and (
                normalise(lone.group(1)) not in _FUNCTION_WORDS):
            return ev(Kind.NAME, lone.group(1))  # "Mark", "Ella": one capitalised word is the name asked for
    if kb is not None and stage in (Stage.ASK_NAME, Stage.ASK_PROBLEM, Stage.ASK_DEVICE, Stage.TICKET, Stage.ENDED):
        heard = learned_problem(heard, kb)
    if Intent.CLOSE in intents and not _describes(heard) and Intent.QUESTION not in intents:
        return ev(Kind.CLOSE)
    if Intent.COMPLAINT in intents:
        return ev(Kind.COMPLAINT)
    asks_person = Intent.TECHNICIAN in intents and (
        Intent.QUESTION not in intents or bool(_REQUEST.search(text)) or not _INTERROGATIVE.match(heard.canon))
    if stage in FOLLOW_UP_STAGES and Intent.ADVANCED in intents and not _REQUEST.search(text):
        asks_person = False  # "quiero probar los pasos difíciles antes de llevarla": the steps first
    if asks_person and Intent.SHOP in intents and Intent.QUESTION in intents and not _REQUEST.search(text):
        asks_person = False  # "¿si la llevo, cuánto sale?" asks the price
    if asks_person:
        return ev(Kind.TECHNICIAN)
    # "can you recover deleted photos from an sd card?" is the problem itself; "es la camarita de seguridad que
    # pusimos en el local" answers the device question
    describes_first = (heard.topic == "services" and stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE) and bool(
        heard.problem)) or (stage == Stage.ASK_DEVICE and heard.device is not None and Intent.QUESTION not in intents)
    if Intent.SHOP in intents and heard.topic and not _asks_what_to_do(heard, kb) and not describes_first:
        return ev(Kind.SHOP, heard.topic)
    if stage == Stage.ASK_NAME:
        if _describes(heard):
            return ev(Kind.DESCRIBE)
        if Intent.NO in intents:
            return ev(Kind.SKIP_NAME)
        return ev(Kind.UNCLEAR)
    describes_angrily = stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE) and bool(heard.problem)
    if Intent.FRUSTRATION in intents and not (intents & {Intent.ADVANCED, Intent.PERSISTS, Intent.SOLVED}) and (
            not describes_angrily):  # "ESTA IMPRESORA DE MIERDA NO IMPRIME" still says what is wrong
        return ev(Kind.FRUSTRATION)
    if stage in FOLLOW_UP_STAGES:
        return _follow_up(c, heard, kb, ev)
    if stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE):
        if Intent.REPHRASE in intents and not _describes(heard):
            return ev(Kind.REPHRASE)
        if stage == Stage.ASK_DEVICE and heard.device:
            return ev(Kind.DEVICE, heard.device)
        if _describes(heard) or heard.extra.get("vague"):
            return ev(Kind.DESCRIBE)  # "hola, no me anda bien" says something is wrong, not only hello
        if Intent.QUESTION in intents:
            return ev(Kind.QUESTION)
        if stage == Stage.ASK_PROBLEM and len(text.split()) >= 2 and not intents:
            return ev(Kind.DESCRIBE)  # a description the rules cannot place: _describe decides
    if stage in (Stage.TICKET, Stage.ENDED):
        if Intent.REPHRASE in intents and not _describes(heard):
            return ev(Kind.REPHRASE)
        if heard.problem or heard.device:
            return ev(Kind.ANOTHER_PROBLEM)
        if Intent.QUESTION in intents:
            return ev(Kind.QUESTION)
    if Intent.THANKS in intents:
        return ev(Kind.THANKS)
    if Intent.GREETING in intents:
        return ev(Kind.GREETING)
    return ev(Kind.UNCLEAR)


_AGAIN = re.compile(r"\b(?:otra vez|de nuevo|again|still|todavia|aun)\b")
#: A question that points back at what Tecnos said: "the troubleshooter you mentioned", "eso de …".
_REFERS_TO_STEPS = re.compile(r"\b(?:you (?:mentioned|said|meant|say)|que (?:decis|dijiste|mencionaste)|eso de|lo de|"
                              r"cuando (?:decis|dices)|do you mean|"
                              r"como es|como hago|how do i|where do i find|where is|donde (?:encuentro|esta|queda))\b")
_NUMBERED = re.compile(r"\b(?:el|la|the|step|paso) ([1-9])\b")
#: Words too common to tie a question to one step.
_PLAIN = frozenset("""
como hago hacer para puedo donde esta esto eso esos esas este esta cual cuales tengo tiene sale aparece
where find what that this with from your then there have does mean mentioned said step paso pasos
""".split())


def _step_about(c: Conversation, heard: Understanding, kb: KnowledgeBase) -> int | None:
    """The one step a how-to question shares its words with ("¿cómo veo qué aplicación gasta más?" and
    "Fijate qué aplicación gasta más batería"), or None when no step, or more than one, fits."""
    asked = {w for w in heard.canon.split() if len(w) >= 4 and w not in _PLAIN}
    if not asked:
        return None
    scores = []
    for n, step in enumerate(steps_for(c, kb, level_of(c)), start=1):
        words = set(normalise(f"{step.text_in(c.locale)} {step.help_in(c.locale)}").split())
        shared = sum(1 for w in asked if w in words or any(len(w) >= 5 and t.startswith(w[:5]) for t in words))
        scores.append((shared, n))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < 1 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


#: Saying what was tried: "charged it 2 hours and held the button, black screen" reports a result.
_TRIED = re.compile(
    r"\b(?:probe|hice|intente|cambie|reinicie|desenchufe|enchufe|cargue|deje|saque|puse|apague|prendi|segui|limpie|"
    r"tried|did|changed|restarted|rebooted|unplugged|plugged|charged|held|pressed|left|removed|reset|followed|"
    r"cleaned|swapped)\b")
_NEITHER = re.compile(r"\b(?:tampoco|either|neither)\b")
_NEGATION = re.compile(r"\b(?:no|not|sin|nunca|tampoco|ni|doesnt|dont|wont|cant|isnt|didnt|still)\b")


_DENIAL = frozenset({"no", "not", "ni", "nor"})


def _corrected_device(heard: Understanding) -> str | None:
    """The device a correction means: what follows its last "es" ("no es la tablet, es el celu"), up to
    the device it denies ("it's actually my tv, not a monitor")."""
    words = heard.canon.split()
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1] in ("es", "its", "is") and i < len(words):
            tail_words = words[i:]
            cut = next((j for j, w in enumerate(tail_words) if j and w in _DENIAL), len(tail_words))
            host = part_host(" ".join(tail_words[:cut]))
            if host:
                return host  # "es el teclado de la notebook, no uno aparte": the notebook's own keyboard
            for end in range(1, cut + 1):  # the first device named after it: "es la notebook, la de escritorio ni…"
                tail = understand(" ".join(tail_words[:end])).device
                if tail:
                    return tail
    return heard.device


def _asks_what_to_do(heard: Understanding, kb: KnowledgeBase | None) -> bool:
    """ "¿Puedo abrirla o pierdo la garantía?" asks what to do, which the knowledge base answers."""
    return (kb is not None and Intent.QUESTION in heard.intents and bool(_MAY_I.match(heard.canon))
            and kb.answers.find(heard.canon) is not None)


#: "¿Se me volcó mate encima, tendrá que ver?": a question whether something else is the cause.
_IS_IT_RELATED = re.compile(r"\b(?:tendra|tiene) (?:que|q) ver|\b(?:puede|podra|podria) ser (?:por )?eso\b|"
                            r"\bcould (?:that|it) be\b|\bis that (?:why|the reason)\b")
#: "¿Dónde la veo?", "how do I check it?": a question about how or where to do something.
_WHERE_OR_HOW = re.compile(r"\b(?:donde|como|where|how) (?:(?:la|lo|las|los|se|me|i|do i|can i|could i) )?(?:veo|ve|"
                           r"encuentro|busco|saco|cambio|hago|fijo|chequeo|find|see|check|get|change|look)\b")
_OTHERS_WORK = re.compile(r"\b(?:andan|funcionan|se conectan|conectan|anda todo|work fine|all work|connect fine)\b")
#: "¿Las avanzadas son muy complicadas?" asks about the steps before asking for them.
_ASKS_WHAT_THEY_ARE = re.compile(
    r"\b(?:son|es|seran|sera|serian|are they|is it|are those|are these|how) (?:muy |re |mas |medio |too |very |"
    r"really )?(?:complicad|dificil|larg|peligros|riesgos|hard|difficult|long|risky|complicated|technical|tecnic)|"
    r"\b(?:are|is) (?:\S+ ){0,3}(?:hard|difficult|complicated|risky|technical)\b")
_MAY_I = re.compile(
    r"^(?:y |pero |che |ok )?(?:puedo|podria|podemos|se puede|se podra|se podria|conviene|debo|deberia|deberiamos|"
    r"es seguro|hay que|can i|could i|"
    r"should i|should we|can we|is it safe|is it ok|do i have to|do we have to)")


def _follow_up(c: Conversation, heard: Understanding, kb: KnowledgeBase | None, ev: _Ev) -> Event:
    """Typed text at the steps or at the escalation question."""
    intents, stage = heard.intents, c.stage
    answer = kb.answers.find(heard.canon) if kb is not None and Intent.QUESTION in intents else None
    if Intent.ADVANCED in intents and Intent.SOLVED not in intents and not (
            Intent.QUESTION in intents and _ASKS_WHAT_THEY_ARE.search(heard.canon)):
        return ev(Kind.ADVANCED)
    if Intent.SHOW_STEPS in intents and Intent.PERSISTS not in intents:
        return ev(Kind.SHOW_STEPS)
    if Intent.CANT_DO in intents and Intent.SOLVED not in intents and not (
            Intent.PERSISTS in intents and heard.step is None):  # "no me salió ninguno, sigue tirando el error"
        step = heard.step
        if step is None and kb is not None and c.stage in STEP_STAGES:
            step = _step_about(c, heard, kb)  # "no existe ese menú de estado de la batería" names its step
        return ev(Kind.CANT_DO, step=step)
    if heard.step is not None and (Intent.HELP in intents or Intent.QUESTION in intents):
        return ev(Kind.HELP, step=heard.step)
    if answer is not None:
        return ev(Kind.QUESTION, answer.id)
    asks_how = Intent.HELP in intents or (Intent.QUESTION in intents and bool(_REFERS_TO_STEPS.search(heard.canon)))
    about = _step_about(c, heard, kb) if kb is not None and asks_how and c.stage in STEP_STAGES and not (
        intents & {Intent.SOLVED, Intent.PERSISTS}) else None
    if about is not None:
        return ev(Kind.HELP, step=about)  # "where do I find the network troubleshooter you mentioned?" is one step
    if asks_how and c.stage in STEP_STAGES and _REFERS_TO_STEPS.search(heard.canon) and not (
            intents & {Intent.SOLVED, Intent.PERSISTS}):
        numbered = _NUMBERED.search(heard.canon)
        # "y el 3 cómo es?" names its step; "¿cómo hago eso de …?" gets the question of which step, with buttons
        return ev(Kind.HELP, step=int(numbered.group(1)) if numbered else None)
    if Intent.QUESTION in intents and _MAY_I.match(heard.canon) and not heard.step:
        return ev(Kind.QUESTION)  # "is it safe to touch it while it's still plugged in?" asks, it reports nothing
    if Intent.HELP in intents and Intent.QUESTION not in intents and Intent.PERSISTS not in intents:
        return ev(Kind.HELP, step=heard.step)  # "…y sigue saliendo, no entiendo nada" says it still fails
    if Intent.SHOW_STEPS in intents:
        return ev(Kind.SHOW_STEPS)
    meant = _corrected_device(heard)
    if Intent.CORRECTION in intents and meant and meant != c.device:
        return ev(Kind.CHANGE_DEVICE, meant)
    if Intent.REPHRASE in intents and not _new_subject(c, heard):
        return ev(Kind.REPHRASE)
    if not intents and heard.problem is None and heard.device not in (None, c.device, "other") and len(
            heard.canon.split()) <= 8:
        return ev(Kind.CHANGE_DEVICE, heard.device)  # "un samsung a32": only a device, named at the steps
    if Intent.QUESTION in intents and _INTERROGATIVE.match(heard.canon) and Intent.PERSISTS not in intents:
        return ev(Kind.QUESTION)  # "¿qué quiere decir extensiones del navegador?" names no new problem
    if Intent.SOLVED in intents and Intent.QUESTION not in intents:
        if heard.device not in (None, c.device, "other") and _OTHERS_WORK.search(heard.canon):
            return ev(Kind.AFFIRM)  # "el celu y la note se conectan bien": other devices work; ask about this one
        return ev(Kind.SOLVED)
    if Intent.QUESTION in intents and (_WHERE_OR_HOW.search(heard.canon) or _IS_IT_RELATED.search(heard.canon)) and (
            Intent.PERSISTS not in intents):
        return ev(Kind.QUESTION)  # "y la contraseña del wifi dónde la veo?" asks, it reports no new problem
    if Intent.ALSO in intents and heard.device not in (None, c.device, "other") and heard.problem != c.problem and (
            Intent.PERSISTS not in intents or _NEITHER.search(heard.canon)):
        # "ah, y la impresora tampoco anda, eso lo vemos después": "tampoco" is said of the other device
        return ev(Kind.ANOTHER_PROBLEM)
    if Intent.PERSISTS in intents:
        return ev(Kind.PERSISTS)
    other_device = heard.device is not None and heard.device not in (c.device, "other")
    tried_here = heard.device in (None, c.device) and bool(_TRIED.search(heard.canon))
    if _new_subject(c, heard) and not tried_here and (Intent.ALSO in intents or Intent.REPHRASE in intents
                                   or (other_device and heard.problem is not None)):
        if heard.device and heard.device != c.device and heard.problem in (None, c.problem) and (
                Intent.ALSO not in intents):
            return ev(Kind.CHANGE_DEVICE, heard.device)
        return ev(Kind.ANOTHER_PROBLEM)
    if Intent.QUESTION in intents:
        return ev(Kind.QUESTION)
    if Intent.NO in intents:
        return ev(Kind.PERSISTS)
    if Intent.YES in intents:
        return ev(Kind.ADVANCED if stage == Stage.ESCALATE else Kind.AFFIRM)
    if heard.problem is not None and heard.problem == c.problem and _NEGATION.search(heard.canon):
        return ev(Kind.PERSISTS)  # "sigue sin prender" restates the problem: it is still there
    if heard.problem is not None and heard.device in (None, c.device) and (
            heard.done or _AGAIN.search(heard.canon) or _TRIED.search(heard.canon)) and not (
            intents - {Intent.ALSO, Intent.YES}):
        return ev(Kind.PERSISTS)  # "charged it 2 hours and held the button, black screen": tried, still there
    if Intent.THANKS in intents:
        return ev(Kind.THANKS)
    if Intent.GREETING in intents:
        return ev(Kind.GREETING)
    kind, step = learned_act(heard, kb)
    return ev(kind, step=step)


class _Ev(Protocol):
    """The shape of `text_event`'s local event maker (for the type checker)."""

    def __call__(self, kind: Kind, value: str | None = None, step: int | None = None) -> Event: ...


UNSURE_BELOW = 0.5


def rules_unsure(conversation: Conversation, heard: Understanding) -> bool:
    """Whether smart mode should be asked: the rules placed nothing useful where it matters."""
    if conversation.stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE):
        return heard.problem is None or heard.problem_confidence < UNSURE_BELOW or (
            heard.device is None and not heard.device_candidates and conversation.device is None)
    if conversation.stage in FOLLOW_UP_STAGES:
        return not heard.intents and heard.problem is None
    return False


__all__ = ["MAX_HELP_STEP", "TRANSITIONS", "button_event", "rules_unsure", "text_event"]
