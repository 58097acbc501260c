namespace Examens.Core.Telemetrie;

/// <summary>How a submission ended, as the measures count it.</summary>
public enum ResultatSoumission
{
    NouvelleVersion,
    DejaSoumise,
    Refusee,
}
