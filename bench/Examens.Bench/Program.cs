using System.Diagnostics;
using System.Globalization;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

// The deliberation engine over N generated candidates of 8 units each, on one thread (one core).
// Usage: dotnet run -c Release --project bench/Examens.Bench -- [candidates]   (default 250000)
var nombre = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 250_000;
const int UnitesParCandidat = 8;
var reference = new DateOnly(2024, 7, 5);
var aleatoire = new Random(20240705);
var ids = Enumerable.Range(1, UnitesParCandidat).Select(i => $"U{i}").ToArray();
decimal[] coefficients = [3, 2, 2, 2, 6, 2, 4, 3];

var candidats = new UniteNotee[nombre][];
var formes = new FormePassage[nombre];
for (var c = 0; c < nombre; c++)
{
    formes[c] = aleatoire.Next(4) == 0 ? FormePassage.Progressive : FormePassage.Globale;
    var unites = new UniteNotee[UnitesParCandidat];
    for (var u = 0; u < UnitesParCandidat; u++)
    {
        var note = decimal.Round((decimal)(aleatoire.NextDouble() * 20), 2);
        var tirage = aleatoire.Next(100);
        var resultat = tirage switch
        {
            < 80 => ResultatUnite.Presente(note),
            < 86 => ResultatUnite.Benefice(10 + decimal.Round(note / 2, 2), reference.AddYears(-2)),
            < 89 when formes[c] == FormePassage.Progressive => ResultatUnite.Report(decimal.Round(note / 2.1m, 2), reference.AddYears(-1)),
            < 93 when u == 0 => ResultatUnite.Dispense(),
            < 97 => ResultatUnite.Absence(justifiee: true),
            < 98 => ResultatUnite.Absence(justifiee: false),
            _ => ResultatUnite.Presente(note),
        };
        unites[u] = new UniteNotee(ids[u], coefficients[u], u >= 4, resultat);
    }

    candidats[c] = unites;
}

var sortie = new UniteDeliberee[UnitesParCandidat];
var parametres = new ParametresDeliberation(false);
var admis = 0;

void Passe()
{
    admis = 0;
    for (var c = 0; c < candidats.Length; c++)
    {
        var r = Deliberation.Deliberer(formes[c], reference, candidats[c], [], sortie, parametres);
        if (r.Decision == Decision.Admis)
        {
            admis++;
        }
    }
}

Passe(); // warm-up: tiering and PGO
var mesures = new List<(double ParSeconde, double OctetsParCandidat)>();
for (var i = 0; i < 7; i++)
{
    var octetsAvant = GC.GetAllocatedBytesForCurrentThread();
    var chrono = Stopwatch.StartNew();
    Passe();
    chrono.Stop();
    var octets = GC.GetAllocatedBytesForCurrentThread() - octetsAvant;
    mesures.Add((nombre / chrono.Elapsed.TotalSeconds, (double)octets / nombre));
}

var mediane = mesures.OrderBy(m => m.ParSeconde).ElementAt(mesures.Count / 2);
var meilleure = mesures.Max(m => m.ParSeconde);
var fr = CultureInfo.GetCultureInfo("fr-FR");
Console.WriteLine(string.Create(fr, $"Délibération : {nombre:N0} candidats × {UnitesParCandidat} unités, un seul fil d'exécution ({Environment.ProcessorCount} cœurs sur la machine)"));
Console.WriteLine(string.Create(fr, $"  candidats par seconde : médiane {mediane.ParSeconde:N0}, meilleure {meilleure:N0} (7 passes après échauffement)"));
Console.WriteLine(string.Create(fr, $"  octets alloués par candidat : {mediane.OctetsParCandidat:N1}"));
Console.WriteLine(string.Create(fr, $"  admis : {admis:N0} ({100.0 * admis / nombre:N1} %)"));
