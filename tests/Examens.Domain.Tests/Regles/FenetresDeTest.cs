using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Regles;

/// <summary>The windows of the texts: the seed's SIEC window (R56) and Nancy-Metz's (R57).</summary>
internal static class FenetresDeTest
{
    public static readonly FenetreInscription Siec = FenetreInscription.Creer(
        new DateTime(2023, 10, 10, 14, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))!;

    public static readonly FenetreInscription NancyMetz = FenetreInscription.Creer(
        new DateTime(2023, 10, 16, 12, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))!;
}
