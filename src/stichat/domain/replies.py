"""Every sentence Tecnos says and every button label, in es-AR (voseo) and English."""

from __future__ import annotations

from dataclasses import dataclass

LOCALES = ("es-AR", "en")


@dataclass(frozen=True)
class Button:
    value: str
    label: str

    def to_json(self) -> dict[str, str]:
        return {"value": self.value, "label": self.label}


TEXTS: dict[str, dict[str, str]] = {
    "consent": {
        "es-AR": (
            "¡Hola! Soy **Tecnos**, el asistente técnico de STI 🛠️\n"
            "Antes de empezar: para ayudarte guardo lo que me escribas en esta conversación y, si hace "
            "falta, armo un ticket para un técnico. Los datos personales (mails, teléfonos, documentos, "
            "tarjetas) se ocultan automáticamente.\n"
            "¿Aceptás y seguimos? Elegí el idioma / Choose your language."
        ),
        "en": (
            "Hi! I'm **Tecnos**, STI's tech support assistant 🛠️\n"
            "Before we start: to help you I keep what you write in this conversation and, if needed, "
            "I open a ticket for a technician. Personal data (e-mails, phone numbers, ID and card "
            "numbers) is hidden automatically.\n"
            "Do you accept so we can go on? Choose your language / Elegí el idioma."
        ),
    },
    "consent_again": {
        "es-AR": "Para seguir necesito que aceptes el aviso de privacidad. Elegí un idioma para aceptar, o «No acepto».",
        "en": "To go on I need you to accept the privacy notice. Pick a language to accept, or «I don't accept».",
    },
    "refused": {
        "es-AR": (
            "Entendido, no guardo nada más. Si cambiás de idea, podés aceptar cuando quieras, o "
            "escribirnos directamente por WhatsApp. ¡Que andes bien!"
        ),
        "en": (
            "Understood, I won't keep anything else. If you change your mind you can accept at any "
            "time, or write to us directly on WhatsApp. Take care!"
        ),
    },
    "ask_name": {
        "es-AR": "¡Genial! ¿Cómo te llamás?",
        "en": "Great! What's your name?",
    },
    "ask_name_again": {
        "es-AR": "No me quedó claro tu nombre 🙂 ¿Cómo te llamo? Si preferís no decirlo, tocá «Prefiero no decirlo».",
        "en": "I didn't quite get your name 🙂 What should I call you? If you'd rather not say, tap «I'd rather not say».",
    },
    "ask_problem": {
        "es-AR": "Un gusto, {name}. Contame qué equipo tenés y qué le pasa (por ejemplo: «mi notebook no prende»).",
        "en": "Nice to meet you, {name}. Tell me which device you have and what's wrong (for example: "
              "\"my laptop won't turn on\").",
    },
    "ask_problem_anon": {
        "es-AR": "Perfecto. Contame qué equipo tenés y qué le pasa (por ejemplo: «mi notebook no prende»).",
        "en": "All right. Tell me which device you have and what's wrong (for example: \"my laptop won't turn on\").",
    },
    "ask_problem_again": {
        "es-AR": "No llegué a entender el problema. ¿Me contás con otras palabras qué equipo es y qué le pasa?",
        "en": "I couldn't quite work out the problem. Could you tell me in other words which device it is "
              "and what's happening?",
    },
    "ask_problem_for_device": {
        "es-AR": "Entendido, es tu {device}. ¿Qué le pasa? Contame qué hace o qué deja de hacer.",
        "en": "Got it, it's your {device}. What's wrong with it? Tell me what it does or stops doing.",
    },
    "ask_device": {
        "es-AR": "Entendido ({problem}). ¿Qué equipo es?",
        "en": "Got it ({problem}). Which device is it?",
    },
    "ask_device_again": {
        "es-AR": "¿Me decís qué equipo es? Podés tocar uno de los botones.",
        "en": "Could you tell me which device it is? You can tap one of the buttons.",
    },
    "basic_steps": {
        "es-AR": "Vamos con unas pruebas básicas para tu {device} ({problem}):",
        "en": "Let's try some basic checks for your {device} ({problem}):",
    },
    "advanced_steps": {
        "es-AR": "Probemos algo más avanzado. Con calma, de a uno:",
        "en": "Let's try something more advanced. Take them one at a time:",
    },
    "steps_question": {
        "es-AR": "Cuando los pruebes, contame: ¿se solucionó? Si algún paso no te queda claro, tocá «Ayuda» con su número.",
        "en": "Once you've tried them, tell me: is it fixed? If a step isn't clear, tap «Help» with its number.",
    },
    "steps_unclear": {
        "es-AR": "¿Pudiste probar los pasos? Decime si se solucionó o si sigue igual, o pedime ayuda con un paso.",
        "en": "Were you able to try the steps? Tell me if it's fixed or still the same, or ask me for help with a step.",
    },
    "help_step": {
        "es-AR": "**Paso {n}:** {text}\n{help}",
        "en": "**Step {n}:** {text}\n{help}",
    },
    "help_no_step": {
        "es-AR": "Ese paso no existe: elegí un número del 1 al {count}.",
        "en": "There's no such step: pick a number from 1 to {count}.",
    },
    "solved": {
        "es-AR": "¡Excelente, {name}! Me alegra que se haya solucionado 🎉 Si vuelve a pasar, acá estoy.",
        "en": "Excellent, {name}! I'm glad it's fixed 🎉 If it happens again, I'm here.",
    },
    "solved_anon": {
        "es-AR": "¡Excelente! Me alegra que se haya solucionado 🎉 Si vuelve a pasar, acá estoy.",
        "en": "Excellent! I'm glad it's fixed 🎉 If it happens again, I'm here.",
    },
    "escalate": {
        "es-AR": "Uh, qué macana que siga igual. ¿Querés probar unas pruebas más avanzadas o preferís hablar con un técnico?",
        "en": "Sorry it's still not working. Do you want to try some more advanced checks, or would you rather "
              "talk to a technician?",
    },
    "escalate_again": {
        "es-AR": "Ya probamos todo lo que te puedo guiar desde acá. Lo mejor es que lo vea un técnico.",
        "en": "We've tried everything I can guide you through from here. A technician should take a look.",
    },
    "ticket": {
        "es-AR": (
            "Listo, {name}: armé el ticket **{ticket}** con el resumen de lo que probamos. "
            "Tocá el botón de WhatsApp para hablar con un técnico de STI; el mensaje ya va con el número de ticket."
        ),
        "en": (
            "Done, {name}: I've opened ticket **{ticket}** with a summary of what we tried. "
            "Tap the WhatsApp button to talk to an STI technician; the message already carries the ticket number."
        ),
    },
    "ticket_anon": {
        "es-AR": (
            "Listo: armé el ticket **{ticket}** con el resumen de lo que probamos. "
            "Tocá el botón de WhatsApp para hablar con un técnico de STI; el mensaje ya va con el número de ticket."
        ),
        "en": (
            "Done: I've opened ticket **{ticket}** with a summary of what we tried. "
            "Tap the WhatsApp button to talk to an STI technician; the message already carries the ticket number."
        ),
    },
    "ticket_exists": {
        "es-AR": "Tu ticket es **{ticket}**. Tocá el botón de WhatsApp para hablar con un técnico.",
        "en": "Your ticket is **{ticket}**. Tap the WhatsApp button to talk to a technician.",
    },
    "frustration": {
        "es-AR": "Perdoná, entiendo que es frustrante 😔 Si querés, te paso ahora mismo con un técnico de STI.",
        "en": "I'm sorry, I know this is frustrating 😔 If you like, I can put you through to an STI technician "
              "right now.",
    },
    "thanks": {
        "es-AR": "¡De nada! ¿Te ayudo con algo más?",
        "en": "You're welcome! Can I help with anything else?",
    },
    "greeting_again": {
        "es-AR": "¡Hola de nuevo! Sigamos donde estábamos.",
        "en": "Hi again! Let's pick up where we left off.",
    },
    "rephrase": {
        "es-AR": "Dale, empecemos de nuevo. Contame qué equipo tenés y qué le pasa.",
        "en": "Sure, let's start over. Tell me which device you have and what's wrong.",
    },
    "closed": {
        "es-AR": "Gracias por escribir a STI. ¡Que andes muy bien! Si necesitás algo más, tocá «Nueva consulta».",
        "en": "Thanks for contacting STI. Take care! If you need anything else, tap «New question».",
    },
    "ended_hint": {
        "es-AR": "Esta conversación terminó. Si tenés otra consulta, tocá «Nueva consulta».",
        "en": "This conversation has ended. If you have another question, tap «New question».",
    },
    "after_ticket": {
        "es-AR": "Tu ticket ya está creado. Podés escribirle al técnico por WhatsApp, o contarme otro problema.",
        "en": "Your ticket is ready. You can message the technician on WhatsApp, or tell me about another problem.",
    },
    "llm_understood": {
        "es-AR": "Por lo que me contás, entiendo que tu {device} tiene este problema: {problem}.",
        "en": "From what you describe, I understand your {device} has this problem: {problem}.",
    },
    "llm_understood_problem": {
        "es-AR": "Por lo que me contás, entiendo que el problema es: {problem}.",
        "en": "From what you describe, I understand the problem is: {problem}.",
    },
    "llm_understood_device": {
        "es-AR": "Por lo que me contás, entiendo que se trata de tu {device}.",
        "en": "From what you describe, I understand it's about your {device}.",
    },
    "photo_understood": {
        "es-AR": "Por la foto que mandaste, entiendo que tu {device} tiene este problema: {problem}.",
        "en": "From the photo you sent, I understand your {device} has this problem: {problem}.",
    },
    "photo_understood_problem": {
        "es-AR": "Por la foto que mandaste, entiendo que el problema es: {problem}.",
        "en": "From the photo you sent, I understand the problem is: {problem}.",
    },
    "photo_understood_device": {
        "es-AR": "Por la foto que mandaste, entiendo que se trata de tu {device}.",
        "en": "From the photo you sent, I understand it's about your {device}.",
    },
    "suggested_steps": {
        "es-AR": "💡 Para tu caso, además podés probar:",
        "en": "💡 For your case, you can also try:",
    },
    "still_unclear": {
        "es-AR": "Perdoná, sigo sin entenderte bien. Elegí una de estas opciones, o si preferís te paso con un técnico.",
        "en": "Sorry, I still don't quite follow. Pick one of these options, or if you'd rather, I'll put you through to a technician.",
    },
    "other_device_steps": {
        "es-AR": "No tengo una guía específica para ese equipo, así que lo más seguro es que lo vea un técnico. Mientras tanto, estos pasos generales ({problem}) no tienen riesgo:",
        "en": "I don't have a specific guide for that device, so the safest is for a technician to see it. Meanwhile, these general checks ({problem}) are safe to try:",
    },
    "device_changed": {
        "es-AR": "¡Ah, perfecto! Entonces vamos con tu {device}.",
        "en": "Ah, got it! Let's go with your {device} then.",
    },
    "pending_offer": {
        "es-AR": "También me habías comentado: «{what}». ¿Lo vemos ahora?",
        "en": "You also mentioned: «{what}». Shall we look at it now?",
    },
    "pending_kept": {
        "es-AR": "Anotado, eso lo vemos después. Sigamos primero con tu {device}: ¿cómo te fue con los pasos?",
        "en": "Noted, we'll look at that afterwards. Let's finish with your {device} first: how did the steps go?",
    },
    "confirm_solved": {
        "es-AR": "¿Entonces ya funciona bien? Tocá «Lo pude solucionar» si se arregló, o «Sigue igual» si no.",
        "en": "So is it working now? Tap «It's fixed» if it is, or «Still not working» if not.",
    },
    "help_which_step": {
        "es-AR": "¿Con cuál paso necesitás ayuda? Tocá «Ayuda» con su número (del 1 al {count}).",
        "en": "Which step do you need help with? Tap «Help» with its number (1 to {count}).",
    },
    "cant_do": {
        "es-AR": "Tranqui, no pasa nada. Te lo explico mejor:",
        "en": "No worries, that happens. Let me explain it better:",
    },
    "question_for_technician": {
        "es-AR": "Buena pregunta, pero prefiero no adivinar: eso lo tiene que decidir un técnico mirando el equipo. Si querés, te paso con uno; si no, seguimos con los pasos.",
        "en": "Good question, but I'd rather not guess: a technician needs to decide that by looking at the device. If you like, I'll put you through to one; otherwise we carry on with the steps.",
    },
    "handoff_offer": {
        "es-AR": "¿Querés que te pase con un técnico?",
        "en": "Do you want me to put you through to a technician?",
    },
    "carry_on": {
        "es-AR": "¿Seguimos? Contame cómo te va con los pasos.",
        "en": "Shall we carry on? Tell me how the steps go.",
    },
    "shop_unknown": {
        "es-AR": "Eso te lo contesta mejor alguien del local por WhatsApp.",
        "en": "Someone at the shop can answer that best on WhatsApp.",
    },
    "anything_else": {
        "es-AR": "¿Te ayudo con algo más?",
        "en": "Can I help with anything else?",
    },
    "complaint": {
        "es-AR": "Lamento mucho que hayas tenido ese problema después de la reparación. Lo tiene que ver una persona del equipo, así que te paso ya mismo.",
        "en": "I'm really sorry you've had that problem after the repair. Someone from the team needs to handle it, so I'm putting you through right away.",
    },
    "said_again": {
        "es-AR": "Te lo repito por las dudas:",
        "en": "Here it is once more:",
    },
    "ticket_untried": {
        "es-AR": (
            "Listo, {name}: armé el ticket **{ticket}** con lo que me contaste. "
            "Tocá el botón de WhatsApp para hablar con un técnico de STI; el mensaje ya va con el número de ticket."
        ),
        "en": (
            "Done, {name}: I've opened ticket **{ticket}** with what you told me. "
            "Tap the WhatsApp button to talk to an STI technician; the message already carries the ticket number."
        ),
    },
    "ticket_untried_anon": {
        "es-AR": (
            "Listo: armé el ticket **{ticket}** con lo que me contaste. "
            "Tocá el botón de WhatsApp para hablar con un técnico de STI; el mensaje ya va con el número de ticket."
        ),
        "en": (
            "Done: I've opened ticket **{ticket}** with what you told me. "
            "Tap the WhatsApp button to talk to an STI technician; the message already carries the ticket number."
        ),
    },
    "pii_notice": {
        "es-AR": "🔒 Oculté datos personales de tu mensaje. No hace falta compartirlos por acá.",
        "en": "🔒 I hid personal data from your message. There's no need to share it here.",
    },
}

BUTTONS: dict[str, dict[str, str]] = {
    "BTN_LANG_ES_AR": {"es-AR": "🇦🇷 Acepto — Español", "en": "🇦🇷 Acepto — Español"},
    "BTN_LANG_EN": {"es-AR": "🇬🇧 I accept — English", "en": "🇬🇧 I accept — English"},
    "BTN_CONSENT_NO": {"es-AR": "No acepto", "en": "I don't accept"},
    "BTN_NO_NAME": {"es-AR": "Prefiero no decirlo", "en": "I'd rather not say"},
    "BTN_SOLVED": {"es-AR": "✔️ Lo pude solucionar", "en": "✔️ It's fixed"},
    "BTN_PERSIST": {"es-AR": "❌ Sigue igual", "en": "❌ Still not working"},
    "BTN_BACK_TO_STEPS": {"es-AR": "↩️ Volver a los pasos", "en": "↩️ Back to the steps"},
    "BTN_ADVANCED_TESTS": {"es-AR": "🔬 Pruebas avanzadas", "en": "🔬 Advanced checks"},
    "BTN_CONNECT_TECH": {"es-AR": "🧑‍🔧 Hablar con un técnico", "en": "🧑‍🔧 Talk to a technician"},
    "BTN_REPHRASE": {"es-AR": "🔄 Nueva consulta", "en": "🔄 New question"},
    "BTN_CLOSE": {"es-AR": "Cerrar chat", "en": "Close chat"},
    "BTN_NEXT_PROBLEM": {"es-AR": "➡️ Ver lo otro que te pasa", "en": "➡️ Look at the other problem"},
}

HELP_LABEL = {"es-AR": "Ayuda paso {n}", "en": "Help step {n}"}


def say(key: str, locale: str, **values: object) -> str:
    """The sentence `key` in `locale`, with `{placeholders}` filled in."""
    return TEXTS[key][locale].format(**values)


def button(value: str, locale: str) -> Button:
    return Button(value, BUTTONS[value][locale])


def help_button(n: int, locale: str) -> Button:
    return Button(f"BTN_HELP_{n}", HELP_LABEL[locale].format(n=n))


def device_button(device: str, label: str) -> Button:
    return Button(f"BTN_DEV_{device.upper()}", label)


def problem_button(problem: str, label: str) -> Button:
    return Button(f"BTN_PROBLEM_{problem.upper()}", label)
