namespace Examens.Core.Inscriptions;

public enum EtatInscription
{
    /// <summary>Never submitted: nothing reaches the exam office. The portal says so plainly.</summary>
    Brouillon,

    /// <summary>At least one version submitted inside the window.</summary>
    Soumise,

    /// <summary>Withdrawn by the candidate before the close.</summary>
    Retiree,

    /// <summary>Set aside (écartée) by the exam office, with a reason; it can be reinstated with a reason.</summary>
    Ecartee,
}
