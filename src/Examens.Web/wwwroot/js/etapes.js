// A step is saved by its buttons. Leaving it another way (a link, closing the tab) with unsaved changes asks first,
// so an entry is never lost without the candidate knowing.
(function () {
  var formulaire = document.getElementById("formulaire-etape");
  if (!formulaire) { return; }
  var modifie = false;
  formulaire.addEventListener("input", function () { modifie = true; });
  formulaire.addEventListener("change", function () { modifie = true; });
  document.querySelectorAll("button[form=formulaire-etape], #formulaire-etape button").forEach(function (b) {
    b.addEventListener("click", function () { modifie = false; });
  });
  formulaire.addEventListener("submit", function () { modifie = false; });
  window.addEventListener("beforeunload", function (e) {
    if (modifie) { e.preventDefault(); e.returnValue = ""; }
  });
})();
