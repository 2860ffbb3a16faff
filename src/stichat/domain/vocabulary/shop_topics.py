"""What a shop question is about: hours, address, prices, warranty, services, the status of a repair."""

from __future__ import annotations

# What a shop question is about: the answer comes from the shop-facts file.
SHOP_TOPICS: dict[str, str] = {
    "hours": (
        r"(?:los )?(?:sabados|domingos|feriados) (?:abren|atienden|estan|trabajan)|(?:abren|atienden) (?:los )?"
        r"(?:sabados|domingos|feriados)|horarios?|(?:a que|que) hora (?:abren|cierran|atienden|estan)|(?:abren|"
        r"atienden|estan abiertos|trabajan) "
        r"(?:hoy|manana|el|los|sabado|sabados|domingo|domingos|feriados?|de)|(?:cuando|que dias) (?:abren|atienden)|"
        r"(?:what|which) (?:time|hours|days)|your hours|(?:what|when) are (?:your|the) (?:hours|opening)|"
        r"opening hours|(?:are you|r u) open|when do you (?:open|close)|"
        r"(?:open|closed) (?:on|today|tomorrow|saturday|sunday)|business hours|"
        r"(?:el |los )?(?:lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|feriados?) (?:abren|atienden|"
        r"trabajan|estan)|(?:open|opened) (?:on )?(?:saturdays?|sundays?|weekends?|holidays?)"
    ),
    "address": (
        r"where (?:exactly )?is (?:the|your) (?:store|shop)|wheres (?:the|your) (?:store|shop)|"
        r"donde (?:quedan|estan|queda(?! (?:el|la|los|las) (?!local|negocio|taller)\S+)|esta el local|los encuentro|"
        r"atienden)|direccion|ubicacion|(?:como|por donde) "
        r"llego|estaciona\w*|estacionamiento|cochera|mapa (?:del local|de como llegar)|"
        r"(?:pasame|mandame|tenes|tienen) (?:el |un )?mapa|(?:where|wheres) (?:are you|is the shop|is your|do i go|"
        r"can i find)|address|location|parking|park (?:nearby|there|my car)|directions|how do i get there"
    ),
    "prices": (
        r"cuanto (?:sale|cuesta|cobran|me cobran|me cobrarian|cobrarian|vale|saldria|costaria|seria)|precios?|"
        r"presupuesto|tarifa|"
        r"(?:cobran|sale) (?:el|la) (?:diagnostico|revision|visita)|diagnostico (?:cuesta|sale|tiene costo|es gratis)|"
        r"how much(?! (?:free |disk |storage )?(?:space|memory|storage|ram|battery|data|time|longer))|price|prices|"
        r"pricing|cost|costs|fee|fees|quote|estimate|charge for|charges for"
    ),
    "warranty": (
        r"garantia|garantias|garantizan|(?:tienen|tiene|dan) garantia|warranty|guarantee|guaranteed|"
        r"(?:is|would|will) (?:that|it|this) (?:be )?covered|(?:lo )?cubre la garantia"
    ),
    "services": (
        r"(?:hacen|tienen|hay) (?:visitas|servicio a domicilio|atencion a domicilio)|a domicilio|(?:home|house|"
        r"on ?site) "
        r"(?:visits?|calls?|service)|(?:do you|can you) come (?:to|over)|"
        r"(?:in|at) the (?:store|shop)|en el local|"
        r"(?:ustedes |uds )?(?:arreglan|reparan|cambian|revisan|venden|instalan|configuran|recuperan) \S+|"
        r"(?:ustedes|uds) (?:hacen|tienen|venden|trabajan)|do you (?:guys )?(?:even )?(?:repair|fix) (?:those|"
        r"them|these)|"
        r"(?:do|can) you (?:guys )?(?:replace|recover|fix|repair|change) \S+|"
        r"do you (?:guys )?(?:even )?(?:fix|repair|service|work on|sell|install|offer|do) \S+|(?:pickup|pick up|"
        r"delivery)|"
        r"(?:trabajan con|laburan con|hacen|atienden|arreglan) (?:\S+ ){0,3}"
        r"(?:consolas?|celulares|celus|tablets?|impresoras?|notebooks?|macs?|iphones?|tvs?|teles?|televisores|"
        r"playstation|xbox|redes|camaras|equipos|pcs|computadoras|placas?|software|a domicilio|domicilio)|"
        r"(?:ustedes|uds) (?:\S+ ){0,6}(?:o solo|o solamente|o nomas|o nada mas) (?:a |con )?\S+|"
        r"(?:le )?meten mano (?:a|con)|(?:trabajan|laburan|trabajas) con (?:la |las |el |los )?(?:play|plays|"
        r"ps\d|nintendo|switch|drones?|proyectores|macs?)|"
        r"(?:que|cuales) servicios|servicio a domicilio|van a domicilio|hacen service|service a empresas|"
        r"(?:ustedes|uds) (?:ven|miran|atienden|reparan|arreglan|trabajan con) (?:estas cosas|esto|eso|este tipo)|"
        r"do you (?:guys )?(?:fix|repair|service|work on|do|sell|install|come)|services|home visits?|house calls?"
    ),
    "repair_status": (
        r"(?:is it|esta|is my \S+) (?:finish|finished|done|ready|lista|listo|terminad[oa])|(?:order|orden|"
        r"ticket) (?:nro |no |#)?\d{3,}|"
        r"(?:is|are) (?:\S+ ){1,10}ready (?:yet|for pick ?up)|dropped (?:it )?off (?:\S+ ){0,2}(?:for repair|last)|"
        r"(?:ya )?esta (?:lista|listo|arreglad[oa]|terminad[oa])|(?:como va|estado de|novedades de|noticias de) "
        r"(?:la|mi|el) (?:reparacion|arreglo|equipo|note|notebook|compu|pc|celu|celular|impresora|orden)|"
        r"(?:cuando|para cuando) (?:esta|estara|me la dan|me lo dan|la puedo retirar|lo puedo retirar|puedo "
        r"(?:pasar|ir) a buscar)|(?:deje|traje|lleve) (?:mi|la|el) (?:\S+ ){0,3}(?:el|hace|la semana|ayer|"
        r"para arreglar|para reparar|en el local)|orden de (?:servicio|reparacion)|"
        r"que (?:les )?(?:deje|traje|lleve) (?:\S+ ){0,4}ya (?:esta|la|lo)|(?:saben|sabes|me dicen|me podes decir) si "
        r"(?:ya )?(?:esta|estaria)|(?:les |le )?deje (?:\S+ ){0,3}(?:ya|para)|"
        r"(?:is|are) (?:my|the) (?:\S+ ){0,6}(?:ready|done|fixed yet)|status of (?:my|the) (?:repair|order|laptop|"
        r"phone|computer|pc|printer)|when (?:will|can) (?:i|my) (?:\S+ ){0,3}(?:be ready|pick|collect|get it)|"
        r"(?:left|dropped off|brought) (?:my|the|an|a|our) (?:\S+ ){0,3}(?:with you|at the shop|last|on|yesterday)|"
        r"(?:left|dropped off|brought in|dropped) (?:\S+ ){0,9}(?:any )?(?:update|news|status)|"
        r"(?:deje|traje|lleve) (?:\S+ ){0,6}(?:novedades|noticias|como va|como viene)"
    ),
}
