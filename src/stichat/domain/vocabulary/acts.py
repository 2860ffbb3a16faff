"""Dialogue-act patterns read beside the intents: could not do a step, a question, a past repair, a complaint,
a correction, something else to look at later."""

from __future__ import annotations

# Dialogue acts read beside the intents above (Conversation v2).
DIALOGUE_PATTERNS: dict[str, str] = {
    "cant_do": (
        r"no (?:lo |la )?(?:pude|puedo|pudimos|logre|logro) (?:\S+ ){0,2}(?:hacer|probar|encontrar|sacar|"
        r"abrir|entrar|hacerlo|probarlo|encontrarlo|hacer eso|seguir)|no (?:encuentro|encontre|veo|ubico) "
        r"(?:el|la|los|las|ese|esa|donde)|no (?:tengo|tenemos) (?:otro|otra|otros|otras|un|una|donde|como|el|la)|"
        r"no (?:lo |la |le |los |las )?(?:encuentro|encontre|veo|ubico)(?! (?:ninguna |ningun )?(?:mejora|cambio|"
        r"diferencia))|(?:lo de|eso de|el de) (?:\S+ ){0,4}no se puede|no se (?:puede|pudo) (?:hacer|sacar|abrir)|"
        r"no tiene (?:tapa|tornillos)|no tengo (?:\S+ ){1,3}(?:como|que) (?:dice|decis|pide)|(?:is|its|esta) "
        r"(?:gr[ae]y|greyed out|grayed out|bloquead[oa])|(?:i )?(?:cannot|cant|can not) change (?:it|that)|"
        r"no me (?:deja|dejo|sale|salio|aparece|"
        r"aparecio)|no (?:hay|tiene) (?:ningun|ninguna|tal|ese|esa) |"
        r"(?:es )?(?:imposible|impossible)|(?:i )?(?:dont|do not|cant|cannot) (?:see|find) (?:\S+ ){0,3}"
        r"(?:anywhere|menu|option|button)|"
        r"(?:couldnt|could not|cant|cannot|can not|wasnt able to|unable to) (?:\S+ ){0,2}(?:do|find|try|open|get|"
        r"reach|access|see|locate|follow)|(?:dont|do not) (?:have|see|find) (?:a|an|another|the|any|that|one)|"
        r"(?:doesnt|does not|wont) let me|theres no (?:such|button|option)|it wont let me|"
        r"(?:so |then )?i (?:cant|cannot|couldnt)$|(?:asi que|entonces) no (?:puedo|pude)$|"
        r"no (?:existe|aparece|figura|esta) (?:ese|esa|el|la|tal|ningun|ninguna) (?:\S+ )?(?:menu|opcion|boton|"
        r"pestana|seccion|ajuste|configuracion|parte|cosa|item)|(?:el |lo del )?paso \d (?:no )?(?:no me sirve|"
        r"no aplica|no corresponde|no va)|(?:step \d|that step) (?:doesnt|does not) (?:apply|exist)"
    ),
    "question": (
        r"(?:es|sera|seria) (?:seguro|peligroso|riesgoso|normal|grave)|(?:puedo|podria|conviene|hay que|tengo que|"
        r"debo|deberia|se puede|me conviene) (?:\S+ ){0,4}(?:abrir|destapar|desarmar|usar|seguir|dejar|limpiar|"
        r"mojar|cargar|sacar|enchufar|desenchufar|apagar|prender|tocar|soplar|lavar|secar|cambiar|actualizar|"
        r"formatear|reinstalar|borrar|resetear)|hay (?:peligro|riesgo)|que (?:es|son|significa|quiere decir) |"
        r"para que sirve|como (?:se|hago|hacemos|hacer|entro|abro|saco|veo|busco|reseteo|reinicio|actualizo)|"
        r"donde (?:esta|queda|encuentro|se ve|veo)|"
        r"(?:is it|is that|would it be|will it be) (?:safe|ok|okay|dangerous|normal|bad|risky)|"
        r"(?:can|could|should|may|do) i (?:\S+ ){0,3}(?:open|use|keep|leave|clean|charge|remove|unplug|plug|"
        r"turn|touch|blow|wash|dry|replace|update|format|reinstall|delete|reset)|"
        r"what (?:is|are|does|do you mean)|whats (?:a|an|the)|how (?:do|can|should) (?:i|you|we)|"
        r"where (?:is|do i|can i)|what (?:does|do) (?:\S+ ){0,3}mean"
    ),
    # A repair done by the shop, mentioned: with something wrong after it, it is a complaint.
    "past_repair": (
        r"picked up (?:my|the) \S+ (?:from you|from your)|after the (?:\S+ )?(?:replacement|repair|service)|"
        r"(?:que )?(?:les|le) (?:lleve|deje|traje)|(?:pague|pagamos) (?:\S+ ){0,3}(?:para nada|al pedo|y|pero)|"
        r"(?:pague|pagamos|cobraron) (?:\S+ ){0,3}(?:y|pero)|(?:deje|lleve|traje) (?:\S+ ){0,6}(?:y|"
        r"pero) (?:ya )?(?:no|sigue|otra vez|de nuevo)|"
        r"(?:me |nos )?(?:la |lo |las |los )?(?:arreglaron|repararon|entregaron|arreglaste|reparaste|revisaron)|"
        r"(?:despues|luego|desde) (?:de )?(?:la|que) (?:reparacion|arreglo|service|me la arreglaron|la arreglaron|"
        r"lo arreglaron|la retire|lo retire)|(?:la|lo) (?:retire|busque) (?:\S+ ){0,3}(?:y|pero)|"
        r"(?:ustedes|uds|ustedes me|les) (?:la|lo|me la|me lo) (?:arreglaron|repararon|cambiaron)|"
        r"(?:me |nos )?(?:la |lo |las |los )?(?:cambiaron|arreglaron|repararon|pusieron) (?:\S+ )?(?:ustedes|uds)|"
        r"(?:you|u|you guys|they) (?:fixed|repaired|serviced|replaced) (?:it|my|the|this|that|these)|"
        r"(?:after|since) (?:the|your|you|my) (?:repair|fix|fixed|service)|(?:picked|got) it back|"
        r"brought it (?:to you|in) (?:\S+ ){0,4}(?:and|but)|paid (?:for|you) (?:\S+ ){0,4}(?:and|but)|"
        r"(?:les |le |se las |se la |se lo )?(?:lleve|deje|traje) (?:el|la|mi|esta|este)? ?(?:\S+ ){0,5}(?:para|a|por) "
        r"(?:cambiar|arreglar|reparar|formatear|que|esto)|(?:ya )?se (?:las|la|lo|los) lleve|me cobraron|"
        r"(?:your shop|you guys|your (?:tech|techs|technician)) (?:\S+ )?(?:fixed|replaced|repaired|changed)|"
        r"(?:ustedes|uds) me (?:cambiaron|arreglaron|repararon|pusieron|instalaron|formatearon)|"
        r"me (?:la|lo) devolvieron|vino un tecnico de ustedes|(?:you guys|you|your (?:shop|tech|techs)) "
        r"(?:cleaned|repasted|serviced|formatted|fixed|repaired|replaced|changed) (?:\S+ ){0,3}(?:in|last|on|a)"
    ),
    "complaint": (
        r"(?:quiero|voy a|vengo a) (?:hacer )?(?:un )?(?:reclamo|queja)|reclamo|queja|reclamar|mal (?:arreglad[oa]|"
        r"reparad[oa])|(?:i want to|id like to|i wanna) (?:complain|file a complaint|make a complaint)|complaint|"
        r"complain|falta de respeto|una verguenza|vergonzoso|impresentable|estafa|"
        r"(?:unacceptable|ripped off|a joke|ridiculous)"
    ),
    "negative": (
        r"not happy|unhappy|disappointed|angry|podrid[oa]|indignad[oa]|calient[ea]|enojad[oa]|now it|"
        r"ahora (?:tiene|hace|no)|para nada|al pedo|"
        r"me tienen cansad[oa]|un chiste|asi no se puede|"
        r"volvio a|vuelve a|otra vez|de nuevo|sigue|igual|peor|mal|falla|fallando|rompio|no (?:anda|funciona|"
        r"prende|carga|imprime)|again|still|worse|broke|broken|not working|doesnt work|stopped|same problem"
    ),
    "correction": (
        r"no es (?:el|la|mi|un|una) \S+|"
        r"me confundi|me confundo|i got (?:it )?wrong|my bad|"
        r"no es (?:el|la|mi|un|una) |no era (?:el|la)|me equivoque|perdon es|en realidad es|en realidad (?:el|la)|"
        r"quise decir|mejor dicho|no no es|(?:its|it is) (?:not|actually) (?:the|my|a)|i meant|"
        r"actually (?:its|it is|the|my)|"
        r"sorry (?:its|it is) (?:the|my|a)|not the \S+ (?:the|my|its)|me (?:explique|exprese) mal|"
        r"(?:i )?(?:explained|said) it wrong|^(?:ah |eh |uh )?no (?:para|pera|espera|wait|hold on) (?:\S+ )?es"
    ),
    "also": (
        r"(?:y )?(?:ademas|tambien|aparte|encima|de paso|otra cosa)|y (?:la|el|mi) \S+ (?:tambien|tampoco)|"
        r"(?:also|another thing|on top of that|besides|as well|too|btw|by the way|later|mas tarde|"
        r"despues (?:lo|la|vemos)|otro dia|(?:despues|luego|mas tarde) te (?:consulto|pregunto|cuento|paso)|"
        r"(?:ill|i will|i ll) ask (?:you )?(?:about|later)|(?:ask|check) (?:you )?about (?:\S+ ){1,3}later|"
        r"unrelated|another day|otro tema|(?:para|en) otro momento|nada que ver con esto|no tiene que ver|"
        r"despues quiero|pero primero (?:esto|lo otro|terminemos)|first this)"
    ),
}
