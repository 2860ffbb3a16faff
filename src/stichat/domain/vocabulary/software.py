"""Software problem patterns: malware, programs, accounts and lost files (the rest are in `problems`)."""

from __future__ import annotations

from stichat.domain.vocabulary.macros import Pattern
from stichat.domain.vocabulary.symptoms import ACCOUNT, MEDIA, PASSWORD

SOFTWARE_PROBLEM_PATTERNS: dict[str, tuple[Pattern, ...]] = {
    "malware": (
        (r"pag\w* (?:\S+ ){0,2}para (?:recuperar|desbloquear|liberar)|(?:pay|paid) (?:\S+ ){0,3}to (?:get|"
            r"recover|unlock|decrypt)|ransom\w*|rescate|bitcoin|locked files|\.locked|"
         r"encriptad[oa]s|encrypted", 3.0),
        (r"(?:renamed|renombrad\w*) (?:\S+ ){0,3}locked|encrypt\w*|encriptad\w*|bitcoin|rescate|ransom\w*", 2.6),
        (r"virus|malware|troyano|troyanos|spyware|adware|ransomware|trojan|infectad[oa]|infected|"
         r"me (?:encriptaron|secuestraron)|encriptad[oa]s|secuestrad[oa]s|rescate|ransom|keylogger|"
         r"minero|minando|cryptominer|browser hijack\w*", 2.6),
        (r"publicidad(?:es)?|propagandas?|anuncios?|ventan(?:a|ita)s? (?:que )?(?:se abren|emergentes|raras)|"
         r"pop ?ups?|popups?|se abren (?:solas|paginas|ventanas)|paginas raras|extension(?:es)? rara|"
         r"cambio (?:el |mi )?buscador|buscador raro|alerta de (?:virus|seguridad)|ads everywhere|"
         r"ads (?:keep|popping)|redirect\w*|suspicious", 2.2),
        (r"hackearon|hackeo|hackeada?o?|hackead[oa]|jaquearon|hakearon|hacked|hacker|antivirus|"
         r"hackeando|me robaron (?:datos|informacion)", 1.6),
    ),
    "software": (
        (r"(?:whatsapp|wsp|wpp|wasap) web", 2.2),
        (r"(?:netflix|youtube|spotify|disney|prime video|hbo|paramount|flow|la app|una app|the app|an app) "
         r"(?:\S+ ){0,4}(?:no abre|no anda|no carga|no funciona|se cierra|se queda cargando|doesnt open|wont open|"
         r"keeps crashing|crashes|wont load|doesnt load)", 2.5),
        (r"no (?:carga|abre|anda|funciona) (?:\S+ )?(?:las |la )?(?:apps?|aplicaciones|programas?)|"
          r"apps? (?:\S+ ){0,2}(?:no abren|"
         r"se cierran|crash\w*)", 2.6),
        (r"(?:la |el )?(?:app|aplicacion|programa|whatsapp|instagram|chrome|word|excel|"
          r"juego) (?:\S+ ){0,3}se (?:me |le )?"
         r"(?:cierra|cerro|traba|cuelga|tilda) (?:sol[oa]|de golpe)?|(?:app|application|"
         r"program) (?:keeps )?(?:crashing|closing)", 2.4),
        # One program failing is a software problem even when it "freezes" or "crashes".
        (r"(?:programa|aplicacion|app|office|word|excel|powerpoint|outlook|zoom|teams|meet|chrome|navegador|"
         r"firefox|photoshop|autocad|juego|steam|spotify|whatsapp web|program|application|browser|game) "
         r"{G}(?:crash\w*|se (?:me )?(?:cierra|cerro|cuelga|colgo|tilda|tildo)|no (?:abre|arranca|inicia)|"
         r"(?:wont|doesnt|does not|will not) (?:open|start|launch)|keeps (?:closing|crashing|freezing)|"
         r"closes|freezes)", 2.6),
        (r"instal\w*|desinstal\w*|reinstal\w*|uninstall\w*|install\w*|actualizacion\w*|actualizar|"
         r"update\w*|upgrade\w*|configur\w*|setup|set up", 1.6),
        (r"programa|programas|aplicacion(?:es)?|app|apps|office|word|excel|powerpoint|outlook|anydesk|"
         r"teamviewer|zoom|meet|teams|drivers?|controlador(?:es)?|chrome|navegador|firefox|photoshop|"
         r"autocad|juegos?|steam|licencia|activar windows|activacion|software|program|application|"
         r"browser|game|games|license|pdf|acrobat|java|netflix|spotify|youtube", 1.2),
        (r"no (?:me )?(?:abre|abren|anda|funciona) (?:el |la |los )?(?:programa|aplicacion|app|word|excel|"
         r"office|juego|navegador|chrome)|se (?:me )?cierra(?:n)? (?:el |la |los |las )?(?:programas?|"
         r"aplicacion(?:es)?|apps?|juegos?|word|excel|chrome)|(?:me )?(?:tira|sale|aparece|da|salta) "
         r"(?:un |una )?(?:error|cartel|mensaje|aviso)|error message|(?:wont|doesnt|cant) (?:open|launch|install)|"
         r"keeps crashing", 2.2),
        (r"error|errores|formatear|formateo|formatearla|formatearlo|format", 1.1),
    ),
    "account": (
        (r"(?:me )?hackearon|hackead[oa]|hacked|(?:wasap|whatsapp|instagram|facebook|mail|gmail|cuenta) (?:\S+ ){0,3}"
         r"(?:robad[oa]|hackead[oa]|stolen|hacked)|(?:pidiendo|piden) plata a mis contactos", 3.1),
        (r"se (?:me )?bloqueo (?:el |mi )?(?:iphone|celu|celular|telefono)|(?:iphone|phone|ipad) (?:is )?disabled|"
         r"connect to itunes|codigo (?:\S+ ){0,3}muchas veces", 2.8),
        (rf"(?:olvid\w*|no me acuerdo|no recuerdo|perdi|forgot|forget|lost|cambiar|recuperar|reset\w*|"
         rf"reestablecer|restablecer|change|recover) {{G}}{PASSWORD}", 2.7),
        (rf"{PASSWORD} {{G}}(?:incorrect[oa]|no (?:es|funciona|anda)|olvid\w*|wrong|doesnt work|not working|"
         r"no me la acuerdo|no la recuerdo)", 2.6),
        (rf"(?:hackearon|robaron|hackeo|jaquearon|hakearon|hackeada|hackeado|hacked|stole|stolen|"
         rf"entraron a) {{G}}{ACCOUNT}|{ACCOUNT} {{G}}(?:hackead[oa]|robad[oa]|hacked|compromised|stolen)", 3.0),
        (rf"(?:recuperar|recupero|recover|recovering|restore|reactivar) {{G}}(?:cuenta|account|perfil|profile|"
         rf"usuario|user)|{ACCOUNT} {{G}}(?:no (?:puedo|me deja) (?:entrar|recuperar))", 3.1),
        (rf"{ACCOUNT} {{G}}(?:bloquead[oa]|suspendid[oa]|deshabilitad[oa]|locked|suspended|disabled)|"
         r"locked out|bloqueo de (?:la )?cuenta|no (?:puedo|me deja) (?:entrar|ingresar|acceder|loguear\w*|"
         r"iniciar sesion)|(?:cant|cannot|unable to) (?:log ?in|sign in|access my)|"
         r"(?:cant|cannot|unable to|wont let me|no puedo|no me deja) (?:log ?into|sign into|log ?in|sign in|"
         r"loguearme|entrar|iniciar sesion) (?:to |into |a |en |)(?:netflix|spotify|youtube|disney|hbo|max|prime|"
         r"paramount|flow|"
         r"instagram|facebook|gmail|mi cuenta|my account)|iniciar sesion|"
         r"inicio de sesion|verificacion en dos pasos|codigo de verificacion|verification code|2fa|"
         r"two factor|cuenta de (?:google|microsoft|apple)|apple id|icloud", 2.0),
        (rf"{PASSWORD}|login|log in|sign in|cuenta|account", 1.3),
    ),
    "data_recovery": (
        (r"(?:ahi|alli|where|donde) (?:tenia|tengo|had|have|estaban|guardaba) (?:\S+ ){0,3}(?:fotos|archivos|"
         r"documentos|"
         r"datos|photos|files|pictures|documents)", 2.8),
        (r"(?:tengo|tenia|estan|tiene|had|has|have) (?:\S+ ){0,3}(?:fotos|archivos|documentos|videos|photos|files|"
         r"pictures) (?:ahi|adentro|on it|in it)|(?:photos|files|pictures|fotos|archivos) (?:\S+ ){0,4}(?:are |se )?"
         r"(?:gone|lost|perdieron|borraron)", 2.7),
        (r"(?:me )?pide (?:que lo )?formatear|quiere formatear|asks? (?:me )?to format|wants me to format|"
         r"no (?:me )?monta|wont mount|doesnt mount", 2.6),
        (r"(?:tengo|tenia|hay) (?:\S+ ){0,3}(?:el laburo|el trabajo|mis fotos|mis archivos|cosas importantes|todo mi)|"
         r"cosas importantes|important (?:files|stuff|documents|photos)", 2.7),
        (r"se (?:me )?formateo|(?:got |was )?formatted(?: \S+){0,5} (?:fotos|files|photos|work|tp)|"
          r"borre sin querer", 2.8),
        (r"(?:formatear\w*|format\w*)(?: \S+){0,6} (?:fotos|archivos|datos|photos|pictures|files|data)|"
         r"(?:fotos|archivos|photos|files) (?:\S+ ){0,4}(?:formatear\w*|format\w*)", 2.7),
        (r"(?:corrupt\w*|danada|corrupta|corrompio)(?: \S+){0,6} (?:fotos|pictures|photos|files|archivos|datos|data)|"
         r"need (?:the|my) (?:pictures|photos|files|data)|recuperar (?:las |mis )?(?:fotos|archivos|datos)", 2.4),
        (rf"(?:borre|borro|borraron|borramos|borro|elimine|eliminaron|se (?:me )?(?:borr|elimin|perd)\w*|perdi|"
         rf"perdimos|desaparecieron|no encuentro|formatee|formatearon|se formate\w*|deleted|lost|erased|"
         rf"missing|recover\w*|restore|rescue|salvar|recuperar|rescatar|sacar) {{G}}{MEDIA}", 2.7),
        (rf"{MEDIA} {{G}}(?:se borraron|se borro|desaparecieron|desaparecio|perdid[oa]s|borrad[oa]s|"
         r"eliminad[oa]s|gone|deleted|disappeared|missing|lost)", 2.7),
        (r"recuper\w*|data recovery|recover|papelera|backup|copia de seguridad|respaldo|formatee sin querer", 2.0),
        (r"(?:disco|disk|drive|hdd) {G}(?:hace ruidos?|hace ruidos raros|suena|hace clic|hace click|clickea|"
         r"hace tic|muriendo|fallando|danad[oa]|clicking|clicks|failing|dying|making noise|"
         r"(?:wont|doesnt|will not) mount)|clicking noise", 2.5),
        (r"borre|borrado|borrados|elimine|deleted|erased|formatee|formatearon|formateado|formatted", 1.3),
    ),
    # Not a fault: a question about an upgrade ("can I put more RAM in it?") is the "other" problem.
}
