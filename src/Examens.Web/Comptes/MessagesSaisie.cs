using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Examens.Web.Comptes;

/// <summary>
/// The model binder's own messages (a number field that got text, a choice that is not in the list) in French, naming
/// the field; the value typed is not repeated (it may be several megabytes or carry invisible characters).
/// </summary>
public static class MessagesSaisie
{
    public static void Appliquer(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((_, champ) => $"La valeur saisie pour « {Champ(champ)} » n'est pas valide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetUnknownValueIsInvalidAccessor(champ => $"La valeur saisie pour « {Champ(champ)} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(champ => $"« {Champ(champ)} » doit être un nombre.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        messages.SetMissingBindRequiredValueAccessor(champ => $"« {Champ(champ)} » est à renseigner.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est à renseigner.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire envoyé est vide.");
        // This one receives the value posted (empty), not the field: the message sits next to its field instead.
        messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est à renseigner.");
    }

    /// <summary>The property's French meaning where the name alone is not French enough.</summary>
    public static string Champ(string nom) => nom switch
    {
        "Niveau" => "niveau du diplôme",
        "Statut" => "situation",
        "Forme" or "FormePrecedente" => "forme de passage",
        "Choix" => "choix pour la note",
        "decision" => "décision",
        "ExScolaire" => "ex-scolaire",
        "ExApprenti" => "ex-apprenti",
        "Redoublant" => "redoublant",
        "FormationAmenagee" => "formation aménagée",
        "ContratRompu" => "contrat de professionnalisation rompu",
        "DemandeAmenagement" => "aménagement des conditions d'examen",
        "ConfirmeForme" => "confirmation de la forme de passage",
        "RenoncementConfirme" => "confirmation du renoncement",
        "Revision" => "version du brouillon (rechargez la page)",
        _ => nom,
    };
}
