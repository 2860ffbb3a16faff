// The console's live log: the SSE stream of /api/logs/stream through the operator's session cookie.
(function () {
  "use strict";
  var list = document.getElementById("live-log");
  var state = document.getElementById("live-state");
  if (!list || !state) { return; }
  var MAX = 300;
  var source = new EventSource("/api/logs/stream?tail=50");
  source.addEventListener("hello", function () { state.textContent = state.dataset.connected; });
  source.onmessage = function (event) {
    var item = document.createElement("li");
    item.textContent = event.data; // text, never HTML: a log line may carry anything a customer typed
    list.insertBefore(item, list.firstChild);
    while (list.children.length > MAX) { list.removeChild(list.lastChild); }
  };
  source.onerror = function () { state.textContent = state.dataset.lost; };
}());
