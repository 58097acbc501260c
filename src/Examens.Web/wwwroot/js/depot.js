// Each file is sent on its own the moment it is chosen (the button stays for keyboard and no-script use).
document.querySelectorAll("form[data-depot-auto]").forEach(function (formulaire) {
  var champ = formulaire.querySelector("input[type=file]");
  var statut = formulaire.querySelector(".statut-depot");
  champ.addEventListener("change", function () {
    if (!champ.files || champ.files.length === 0) { return; }
    statut.textContent = "Envoi de « " + champ.files[0].name + " » en cours…";
    formulaire.requestSubmit();
  });
});
