using System.Diagnostics;
using System.Globalization;
using Examens.Core.Comptes;
using Examens.Core.Documents.Releve;
using Examens.Core.Resultats;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

// Relevés de notes per second: the PDF the candidate downloads (R64), built from a candidate's computation as the
// portal does (ConstruireReleve, then ReleveDeNotesPdf with embedded DejaVu fonts), one thread then all cores.
// Usage: dotnet run -c Release --project bench/Examens.Bench.Releves -- [releves] [secondes-par-passe]
var nombre = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var fr = CultureInfo.GetCultureInfo("fr-FR");
string[] unites = ["U1", "U21", "U22", "U3", "U41", "U42", "U5", "U6"];
decimal[] coefficients = [3m, 1.5m, 1.5m, 3m, 3m, 3m, 3m, 3m];
string[] intitules =
[
    "Culture générale et expression", "Compréhension de l'écrit et expression écrite",
    "Compréhension de l'oral, production orale en continu et en interaction", "Culture économique, juridique et managériale",
    "Développement de la relation client et vente conseil", "Animation, dynamisation de l'offre commerciale",
    "Gestion opérationnelle", "Management de l'équipe commerciale",
];
var aleatoire = new Random(20240705);
var deliberation = new DateOnly(2024, 7, 5);
var maintenant = new DateTimeOffset(2024, 7, 5, 10, 0, 0, TimeSpan.Zero);

// Generated candidates (not timed): grades 4–18, 10% with a grade kept from 2021, a third of them deferred.
var donnees = new DonneesReleve[nombre];
for (var n = 0; n < nombre; n++)
{
    var obligatoires = new UniteNotee[unites.Length];
    for (var i = 0; i < unites.Length; i++)
    {
        var note = decimal.Round((decimal)(4 + (aleatoire.NextDouble() * 14)), 2);
        var resultat = aleatoire.Next(10) == 0 && note >= 10m ? ResultatUnite.Benefice(note, new DateOnly(2021, 7, 2)) : ResultatUnite.Presente(note);
        obligatoires[i] = new UniteNotee(unites[i], coefficients[i], i >= 4, resultat);
    }

    var sortie = new UniteDeliberee[unites.Length];
    var r = Deliberation.Deliberer(FormePassage.Globale, deliberation, obligatoires, [], sortie, default);
    var lignes = obligatoires.Select((u, i) => new LigneResultat(u.Id, intitules[i], false, u.Professionnelle, sortie[i].Statut, sortie[i].Note, u.Coefficient,
        sortie[i].Note * u.Coefficient, sortie[i].Comptee, sortie[i].Acquise,
        u.Resultat.Nature == NatureResultat.Benefice ? u.Resultat.Obtention : null, u.Resultat.Nature == NatureResultat.Benefice ? "session 2021" : null,
        sortie[i].ValableJusquau, false)).ToList();
    var detail = new DetailResultat
    {
        InscriptionId = Guid.NewGuid(),
        Numero = $"BTS2024-SIEC-{n:D8}",
        CandidatId = "",
        SessionId = 1,
        Session = "BTS session 2024",
        Academie = "SIEC – Créteil, Paris, Versailles",
        DateDeliberation = deliberation,
        Specialite = "MCO – Management commercial opérationnel",
        Forme = FormePassage.Globale,
        Lignes = lignes,
        Calcule = r,
        Final = r,
        Regles = [],
    };
    var candidat = new Compte { Nom = $"Lefèvre-Çağlar {n}", Prenoms = "Élodie Anaïs", DateNaissance = new DateOnly(2001, 3, 9), LieuNaissance = "Saint-Étienne (42)" };
    donnees[n] = ConstruireReleve.Construire(detail, candidat, maintenant);
}

var ajournes = donnees.Count(d => d.Attestation.Count > 0);
Console.WriteLine(string.Create(fr, $"{nombre:N0} relevés générés ({ajournes:N0} avec l'attestation des unités obtenues, 2 pages) ; {Environment.ProcessorCount} cœur(s)."));

// Warm-up: fonts, JIT.
for (var i = 0; i < Math.Min(50, nombre); i++)
{
    ReleveDeNotesPdf.Generer(donnees[i]);
}

long octets = 0;
// CPU time beside wall time: on a shared machine the CPU time says what the code costs, the wall time what this run got.
var processus = Process.GetCurrentProcess();
var cpu0 = processus.TotalProcessorTime;
var chrono = Stopwatch.StartNew();
for (var i = 0; i < nombre; i++)
{
    octets += ReleveDeNotesPdf.Generer(donnees[i]).Length;
}

var seul = chrono.Elapsed;
processus.Refresh();
var cpuSeul = processus.TotalProcessorTime - cpu0;
Console.WriteLine(string.Create(fr, $"Un fil : {nombre / seul.TotalSeconds:N0} relevés/s ({seul.TotalSeconds:N2} s ; temps CPU {cpuSeul.TotalSeconds:N2} s, soit {nombre / cpuSeul.TotalSeconds:N0} relevés par seconde de CPU ; {octets / nombre / 1024.0:N1} Kio en moyenne)."));

processus.Refresh();
cpu0 = processus.TotalProcessorTime;
chrono.Restart();
Parallel.For(0, nombre, i => ReleveDeNotesPdf.Generer(donnees[i]));
var parallele = chrono.Elapsed;
processus.Refresh();
var cpuParallele = processus.TotalProcessorTime - cpu0;
Console.WriteLine(string.Create(fr, $"Tous les cœurs : {nombre / parallele.TotalSeconds:N0} relevés/s ({parallele.TotalSeconds:N2} s ; temps CPU {cpuParallele.TotalSeconds:N2} s). Objectif : au moins 200/s."));
