using System.Diagnostics.Metrics;

namespace Examens.Core.Telemetrie;

/// <summary>
/// The portal's own measures, on the meter "Examens": submissions and uploads with their outcome, how long a
/// submission takes and how large the uploaded files are. Tags carry outcomes only, never a person or a registration.
/// </summary>
public sealed class MesuresExamens
{
    public const string NomMeter = "Examens";

    public const string Resultat = "resultat";

    private readonly Counter<long> _soumissions;
    private readonly Histogram<double> _dureeSoumission;
    private readonly Counter<long> _depots;
    private readonly Histogram<long> _tailleDepot;

    public MesuresExamens(IMeterFactory fabrique)
    {
        ArgumentNullException.ThrowIfNull(fabrique);
        var meter = fabrique.Create(NomMeter);
        _soumissions = meter.CreateCounter<long>("examens.soumissions", "{soumission}",
            "Soumissions traitées, par résultat : nouvelle_version, deja_soumise ou refusee.");
        // Buckets around the seconds a person waits for a receipt, so a slow rush shows before it hurts.
        _dureeSoumission = meter.CreateHistogram("examens.soumission.duree", "s", "Durée du traitement d'une soumission.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _depots = meter.CreateCounter<long>("examens.depots", "{depot}", "Dépôts de pièces, par résultat : accepte ou refuse.");
        _tailleDepot = meter.CreateHistogram("examens.depot.taille", "By", "Taille des fichiers déposés et acceptés.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [16_384, 65_536, 262_144, 1_048_576, 2_097_152, 5_242_880, 10_485_760] });
    }

    public void Soumission(ResultatSoumission resultat, TimeSpan duree)
    {
        var tag = new KeyValuePair<string, object?>(Resultat, Code(resultat));
        _soumissions.Add(1, tag);
        _dureeSoumission.Record(duree.TotalSeconds, tag);
    }

    /// <summary>An upload; <paramref name="taille"/> is the stored size of an accepted file, null for a refusal.</summary>
    public void Depot(long? taille)
    {
        _depots.Add(1, new KeyValuePair<string, object?>(Resultat, taille is null ? "refuse" : "accepte"));
        if (taille is { } octets)
        {
            _tailleDepot.Record(octets);
        }
    }

    private static string Code(ResultatSoumission resultat) => resultat switch
    {
        ResultatSoumission.NouvelleVersion => "nouvelle_version",
        ResultatSoumission.DejaSoumise => "deja_soumise",
        ResultatSoumission.Refusee => "refusee",
    };
}
