"""Device patterns: what customers call each device, ambiguous names, built-in parts, plausible problems."""

from __future__ import annotations

from stichat.domain.vocabulary.macros import Pattern

DEVICE_PATTERNS: dict[str, tuple[Pattern, ...]] = {
    "pc": (
        (r"\S+ desktop|desktop \S+|(?:dell|hp|lenovo) (?:optiplex|prodesk|elitedesk|thinkcentre)", 2.6),
        (r"pc|pcs|desktop|gabinete|torre|cpu|all in one|aio|imac", 2.0),
        (r"(?:compu|computadora|computador|ordenador|maquina|computer|equipo) (?:de )?escritorio", 3.0),
        (r"desktop (?:computer|pc)|tower|optiplex|prodesk|thinkcentre|elitedesk|de escritorio|todo en uno|"
         r"gaming rig|custom built|pc gamer|pc armada|la torre", 2.5),
        (r"graphics card|placa de video|tarjeta grafica|motherboard|placa madre|tarjeta de video", 1.8),
        (r"(?:compu|computadora|maquina|computer) (?:grande|de mesa)|"
         r"(?:caja|box|gabinete) (?:\S+ ){0,2}(?:abajo|debajo|bajo|"
         r"under|below|beneath) (?:del|de la|the|my) (?:escritorio|mesa|desk|table)|big box|(?:the )?box (?:one|"
         r"thing)", 2.6),
    ),
    "notebook": (
        (r"xps|dell xps|surface (?:pro|laptop)|zenbook|matebook", 2.6),
        (r"surface|microsoft surface", 1.9),
        (r"(?:la|el|the one) (?:que|q|that) (?:se cierra|se pliega|closes|folds)", 2.2),
        (r"notebook|notebooks|(?<! a )(?<!^a )(?<! the )(?<!^the )(?<! ransom )(?<! this )note(?! (?:asking|saying|"
         r"that|from|on|with))|notbuk|laptop|laptops|netbook|ultrabook|portatil|macbook|"
         r"chromebook|thinkpad|ideapad|vivobook|zenbook|aspire|pavilion|inspiron|vostro|latitude|"
         r"probook|elitebook|exo|bangho|bgh|positivo", 2.0),
        (r"(?:compu|computadora|computer|maquina) (?:portatil|portable)", 3.0),
        (r"(?:llevo|uso|tengo) (?:\S+ ){0,4}(?:en la mochila|en la facu)|in my backpack|la de la facu", 2.2),
    ),
    "monitor": (
        (r"pantalla (?:\S+ ){0,4}(?:enchufada|conectada) (?:a|al|en) (?:la|el)|(?:screen|"
          r"display) (?:\S+ ){0,3}plugged into", 3.0),
        (r"monitor|monitores|pantalla externa|segundo monitor|segunda pantalla|display externo|"
         r"external (?:monitor|display|screen)|second (?:monitor|screen)", 2.0),
    ),
    "printer": (
        (r"impresora|impresoras|impre|printer|printers|multifuncion|multifuncional|epson|brother|"
         r"canon|xerox|kyocera|ricoh|lexmark|laserjet|deskjet|officejet|ecotank|escaner|scanner|"
         r"plotter", 2.0),
        (r"hp (?:laserjet|deskjet|officejet|ink tank|smart tank)|multifuncion \S+|brother dcp|dcp \S+", 3.0),
    ),
    "router": (
        (r"(?:internet|wifi)(?: \S+){0,4} (?:at home|en (?:la|mi) casa|de la casa)|no internet at home|"
          r"nada de internet|"
         r"internet (?:is |anda )?(?:slow|lento|lenta)", 2.0),
        (r"router|routers|ruter|rauter|modem|modems|ont|repetidor|extensor|access point|mesh|"
         r"decodificador|fibra optica|telecentro|fibertel|tp ?link|mercusys|huawei hg\S*|movistar", 2.0),
        (r"wifi|red|red wifi|wlan", 0.5),
        (r"(?:internet|wifi) (?:\S+ ){0,3}en casa|(?:el |the |my )?internet (?:\S+ ){0,2}(?:keeps|se corta|se cae|"
         r"se me corta|se me cae|anda cortandose|dropping|drops|cuts|is down|went down|se fue|anda para atras)", 2.0),
    ),
    "smartphone": (
        (r"(?:hackearon|robaron|hackeo|jaquearon) (?:el |mi |la )?(?:cuenta (?:de|del) )?(?:whatsapp|wasap|wsp|wpp)|"
         r"selular|selu|"
         r"celualr|cellular|celular|celulares|celu|cel|tubo|telefono|movil|smartphone|phone|cellphone|iphone|android|"
         r"galaxy|motorola|moto [a-z]\d*|xiaomi|redmi|huawei|poco|oppo|realme|nokia|pixel|mobile|fone|"
         r"samsung a\d+|samsung s\d+|galaxy [as]\d+", 2.0),
        # Hints of a phone that settle a brand naming several devices ("no sound on calls on my samsung").
        (r"(?:on|en|durante) (?:las |the |my |mis )?(?:calls|llamadas)|(?:people|they) cant hear me|no me escuchan|"
         r"(?:hacer|recibir|make|receive) (?:\S+ )?(?:llamadas|calls)", 1.2),
    ),
    "tablet": (
        (r"tablet|tablets|tableta|ipad|ipads|tab [as]\d*|galaxy tab|(?:samsung|lenovo|huawei|xiaomi|amazon) tab|"
         r"fire (?:hd|tablet)", 2.5),
    ),
    "tv": (
        (r"android tv|tv box|tvbox|android tv box|fire tv|firestick|fire stick|chromecast|roku|apple tv|"
          r"google tv", 2.6),
        (r"\d+ pulgadas|\d+ inch|tv|tele|televisor|television|televisores|smart tv|smarttv|smart|chromecast|fire ?tv|"
         r"firestick|fire stick|roku|tv ?box|android tv|google tv|apple tv|tvbox|tdt", 2.0),
    ),
    "keyboard": ((r"teclado|teclados|keyboard|keyboards|teclas|keys", 2.0),),
    "mouse": ((r"mouse|mouses|raton|mause|mous", 2.0),),
    "storage": (
        (r"pendrive|pen drive|pendraiv|usb stick|flash drive|thumb drive|memory stick|"
         r"disco (?:externo|rigido externo|solido externo)|external (?:hard )?drive|external disk|"
         r"tarjeta (?:sd|micro sd|microsd|de memoria)|sd card|microsd|micro sd|memoria usb", 2.5),
        (r"disco|disco rigido|hdd|ssd|hard drive|hard disk|usb|memoria", 0.7),
    ),
    "other": (
        (r"webcam|camara|camera|parlantes?|speakers?|auriculares|headphones|headset|microfono|"
         r"microphone|drone", 0.9),
        # Devices outside the taxonomy, named outright: they are "other" even beside a brand
        # ("un proyector epson"), and never get a laptop's or a phone's steps.
        (r"proyector|proyectores|projector|kindle|kindles|e ?reader|lector de (?:libros|ebooks)|"
         r"robot (?:aspiradora|de limpieza)|aspiradora robot|robot vacuum|roomba|camaras? (?:de seguridad|ip|wifi)|"
         r"security cam\w*|camarit[ao]s?|dvr|nvr|consola|consolas|console|playstation|play ?[345]|ps[345]|xbox|"
         r"joystick|joysticks|gamepad|gamepads|joystic|"
         r"nintendo|"
         r"nintendo switch|"
         r"smartwatch|smart watch|reloj (?:inteligente|smart)|galaxy watch|apple watch|mi band|estabilizador|"
         r"una ups|el ups|"
         r"alexa|echo dot|google home|la play|ring doorbell|doorbell|timbre|parlante (?:bluetooth|inteligente)|"
         r"bluetooth speaker|smart speaker|airpods|earbuds|auriculares (?:bluetooth|inalambricos)|"
         r"galaxy buds", 3.0),
    ),
}

# Words that name a device without saying which one; the engine must ask.
AMBIGUOUS_DEVICE_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"compu|compus|computadora|computadoras|computador|computer|ordenador|maquina|maquinita|"
     r"equipo|pc portatil o de escritorio|mac|lenovo|dell|asus|acer|toshiba|sony|vaio|msi", ("pc", "notebook")),
    (r"hp", ("notebook", "pc", "printer")),
    (r"pantalla|pantallas|screen|display", ("monitor", "notebook", "pc", "smartphone", "tv")),
    (r"samsung|lg|philips", ("smartphone", "tv", "monitor", "tablet")),
)

PERIPHERALS = ("printer", "monitor", "keyboard", "mouse", "storage")

# A part named "of" a device that has it built in is that device: "el teclado de la notebook" is a
# notebook, "la pantalla del celu" a phone. (The keyboard "of the PC" stays a keyboard: it plugs in.)
PART_OF = (
    r"(?:teclado|touchpad|pantalla|cargador|bateria|disco|parlantes?|camara|puertos?|ventilador|bisagras?|"
    r"microfono|keyboard|trackpad|screen|charger|battery|fan|speakers?|camera|ports?|hinges?|mic|microphone) "
    r"(?:de|del|of) (?:la |el |mi |my |the |this )?(?P<host>notebook|note|laptop|netbook|ultrabook|macbook|"
    r"celu|celular|telefono|phone|iphone|tablet|ipad|tele|tv)"
)
# English puts the device first: "my laptop keyboard", "the phone screen".
PART_OF_EN = (
    r"(?P<host>laptop|notebook|macbook|thinkpad|ideapad|chromebook|phone|iphone|tablet|ipad|tv) (?:keyboard|trackpad|"
    r"touchpad|screen|display|webcam|"
    r"charger|battery|fan|speakers?|camera|ports?|hinges?|mic|microphone)"
)
PART_HOSTS = {
    "notebook": "notebook", "note": "notebook", "laptop": "notebook", "netbook": "notebook",
    "ultrabook": "notebook", "macbook": "notebook", "thinkpad": "notebook", "ideapad": "notebook",
    "chromebook": "notebook", "celu": "smartphone", "celular": "smartphone",
    "telefono": "smartphone", "phone": "smartphone", "iphone": "smartphone", "tablet": "tablet",
    "ipad": "tablet", "tele": "tv", "tv": "tv",
}

# Problems that make sense for a device: a small bonus breaks ties between readings.
DEVICE_PROBLEMS: dict[str, frozenset[str]] = {
    "pc": frozenset({"no_power", "no_boot", "no_display", "slow", "freezes", "blue_screen", "overheating"}),
    "notebook": frozenset({"no_power", "no_boot", "battery", "slow", "freezes", "blue_screen", "overheating"}),
    "monitor": frozenset({"no_display", "no_power", "physical_damage"}),
    "printer": frozenset({"printing", "no_power", "not_detected", "no_internet", "software"}),
    "router": frozenset({"no_internet", "no_power"}),
    "smartphone": frozenset({"battery", "account", "physical_damage", "slow", "no_power"}),
    "tablet": frozenset({"battery", "slow", "physical_damage", "no_power"}),
    "tv": frozenset({"no_display", "no_internet", "no_sound", "no_power"}),
    "keyboard": frozenset({"not_detected", "physical_damage"}),
    "mouse": frozenset({"not_detected", "physical_damage"}),
    "storage": frozenset({"not_detected", "data_recovery"}),
}

# What a vague "no anda" means for each device.
DEVICE_DEFAULT_PROBLEM: dict[str, str] = {
    "keyboard": "not_detected",
    "mouse": "not_detected",
    "storage": "not_detected",
    "printer": "printing",
    "router": "no_internet",
    "monitor": "no_display",
}
