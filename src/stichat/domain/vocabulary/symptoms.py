"""The words problems are described with: turning on, starting, working, media, liquids, accounts and
passwords; the topic nouns that tie a vague "no anda" to a problem; and the vague malfunctions."""

from __future__ import annotations

TURN_ON = (
    r"(?:prende|prenden|prendio|prender|prenda|enciende|encienden|encendio|encender|encienda|"
    r"turn on|turns on|power on|powers on|switch on|switches on|turn it on|turning on|powering on)"
)
START = r"(?:arranca|arrancan|arranco|arrancar|inicia|iniciar|inicio|levanta|levantar|bootea|bootear|booteo)"
OS = r"(?:windows|win|el sistema|sistema operativo|ubuntu|linux|macos|os)"
WORKS = (
    r"(?:anda|andan|anduvo|andar|funciona|funcionan|funciono|funcionar|funca|funcan|funko|responde|"
    r"responden|responder|sirve|work|works|working|worked|respond|responding)"
)
MEDIA = (
    r"(?:fotos?|archivos?|documentos?|docs|carpetas?|videos?|datos|informacion|info|trabajos?|tesis|"
    r"planillas?|musica|files?|photos?|pictures?|documents?|data|folders?|videos?|contactos|chats)"
)
LIQUID = (
    r"(?:agua|cafe|mate|gaseosa|jugo|cerveza|vino|liquido|leche|te|coca|fernet|water|coffee|tea|soda|juice|"
    r"beer|wine)"
)
ACCOUNT = (
    r"(?:cuenta|cuentas|face|facebook|fb|instagram|insta|ig|mail|email|correo|gmail|hotmail|outlook|"
    r"whatsapp|whats|wsp|wpp|tiktok|twitter|icloud|apple id|account|netflix|spotify|home banking|banco)"
)
PASSWORD = r"(?:contrasena|contrasenas|clave|claves|password|passwords|pass|pin|patron|passcode|usuario)"  # noqa: S105

# Nouns that tie a vague "no anda" to a problem ("no anda el wifi" → no_internet).
TOPICS: dict[str, str] = {
    "no_internet": r"(?:internet|wifi|red|conexion|datos moviles|4g|connection|network|online|senal de wifi)",
    "no_sound": r"(?:sonido|audio|parlantes?|auriculares|volumen|microfono|speakers?|sound|headphones|mic)",
    "battery": r"(?:bateria|cargador|battery|charger)",
    "no_display": r"(?:pantalla|imagen|video|monitor|screen|display|picture)",
    "not_detected": (
        r"(?:teclado|teclas|tecla|mouse|raton|touchpad|touch pad|panel tactil|usb|puertos?|pendrive|"
        r"keyboard|keys|trackpad|bluetooth|lectora|lector|webcam|camara|joystick)"
    ),
    "printing": r"(?:impresion|impresora|impre|printer|scanner|escaner)",
}

GENERIC_MALFUNCTION: tuple[str, ...] = (
    rf"{{NEG}} {{CL}}{WORKS}",
    r"dejo de (?:andar|funcionar|funcar|responder)|anda mal|funciona mal|anda como (?:el|la) (?:orto|culo|tuje|traste|"
    r"mona)|anda para (?:atras|el orto|el culo)|(?:anda|esta|funciona) (?:\S+ )?(?:rar[oa]|rarisim[oa]|raros|raras)",
    r"falla|fallando|fallas|problema|problemas|problemita|problemitas|"
    r"(?:hace|tiene) (?:algo|cosas) rar[oa]s?|ruido raro",
    r"stopped working|broken|acting (?:up|weird|strange)|problem|problems|issue|issues|trouble|not working",
    r"se rompio|rompio|roto|rota",
    r"algo le pasa|no se que (?:le pasa|tiene)|something (?:is )?(?:wrong|up|off)|somethings (?:wrong|up|off)",
    r"^(?:help|help me|help please|please help|i need help|need help|ayuda|ayudame|necesito ayuda|socorro|auxilio|"
    r"sos)(?: (?:porfa|por favor|please|pls|plis|urgente))?$",
)
