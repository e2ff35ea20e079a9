(function () {
  "use strict";
  var open = null;
  function pieces(id) {
    return document.querySelectorAll('mark[data-finding="' + id + '"]');
  }
  function hide() {
    if (!open) { return; }
    open.tip.hidden = true;
    pieces(open.id).forEach(function (m) { m.classList.remove("active"); });
    open = null;
  }
  function show(mark) {
    var id = mark.getAttribute("data-finding");
    if (open && open.id === id) { return; }
    hide();
    var tip = document.getElementById("tip-" + id);
    if (!tip) { return; }
    pieces(id).forEach(function (m) { m.classList.add("active"); });
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var doc = document.documentElement;
    var left = Math.min(r.left, doc.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = r.bottom + window.scrollY + 6 + "px";
    open = { id: id, tip: tip };
  }
  function markOf(node) {
    return node && node.closest ? node.closest("mark[data-finding]") : null;
  }
  document.addEventListener("mouseover", function (e) {
    var m = markOf(e.target);
    if (m) { show(m); }
  });
  document.addEventListener("mouseout", function (e) {
    var m = markOf(e.target);
    if (m && markOf(e.relatedTarget) !== m) { hide(); }
  });
  document.addEventListener("focusin", function (e) {
    var m = markOf(e.target);
    if (m) { show(m); } else { hide(); }
  });
  document.addEventListener("focusout", function (e) {
    if (markOf(e.target) && !markOf(e.relatedTarget)) { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); }
  });
}());
