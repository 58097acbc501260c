namespace Examens.Web.Infrastructure.Limites;

/// <summary>One limit: at most <see cref="Nombre"/> requests per <see cref="FenetreSecondes"/> seconds and per partition.</summary>
public sealed class Limite
{
    public int Nombre { get; set; }

    public int FenetreSecondes { get; set; } = 60;
}

/// <summary>
/// "Examens:Limites:*": how many state-changing requests one client may send per window on the pages attackers aim at
/// (guessing passwords, creating accounts, sending reset mails, filling the disk, using the simulators as a free
/// computation service). A partition is the signed-in account, else the client's address: candidates of one school
/// behind one address each keep their own budget once signed in.
/// </summary>
public sealed class OptionsLimites
{
    public const string Section = "Examens:Limites";

    public Limite Connexion { get; set; } = new() { Nombre = 20 };

    public Limite CreationCompte { get; set; } = new() { Nombre = 10 };

    public Limite MotDePasse { get; set; } = new() { Nombre = 5 };

    public Limite Depots { get; set; } = new() { Nombre = 30 };

    // A simulation costs well under a millisecond and stores nothing: the limit stops a flood, not a school or a
    // distance-learning body trying a few thousand cases in a row.
    public Limite Simulations { get; set; } = new() { Nombre = 3000 };
}
