using System.Globalization;
using Examens.Core.Persistance;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Outils;

/// <summary>The steps before grades: a submitted candidate, and a session prepared and convoked through the back-office pages.</summary>
public static class ParcoursConvocations
{
    public static readonly string[] UnitesMs = ["U1", "U2", "U31", "U32", "U4", "U51", "U52", "U53", "U61", "U62", "UF1"];

    public static int Session(UsineExamens usine)
    {
        ArgumentNullException.ThrowIfNull(usine);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var academie = Parcours.Academie(usine, "SIEC");
        return db.AcademiesSessions.Single(a => a.Id == academie).SessionId;
    }

    /// <summary>A candidate registered and submitted through the portal (MS option A, English, optional Arabic).</summary>
    public static async Task<(ClientPortail Client, string Inscription)> CandidatSoumisAsync(UsineExamens usine, string courriel)
    {
        ArgumentNullException.ThrowIfNull(usine);
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        return (client, inscription);
    }

    /// <summary>What an officer does before publishing, through the pages: a centre, the timetable, the results date, the assignment.</summary>
    public static async Task PreparerAsync(ClientPortail agent, int session)
    {
        ArgumentNullException.ThrowIfNull(agent);
        await agent.SoumettreAsync($"/gestion/sessions/{session}/centres",
            [new("Centre.CodeAcademie", "SIEC"), new("Centre.Nom", "Lycée Arago"), new("Centre.Adresse", "4 place de la Nation\n75012 Paris"), new("Centre.Capacite", "30")], "Centre");
        Assert.Contains("Centre « Lycée Arago » ajouté (30 places).", agent.DernierePage, StringComparison.Ordinal);
        for (var i = 0; i < UnitesMs.Length; i++)
        {
            await agent.SoumettreAsync($"/gestion/sessions/{session}/centres",
            [
                new("Horaire.Specialite", "MS"), new("Horaire.Unite", UnitesMs[i]),
                new("Horaire.Date", new DateOnly(2024, 5, 13).AddDays(i / 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("Horaire.Debut", i % 2 == 0 ? "09:00" : "14:00"), new("Horaire.Duree", "240"),
            ], "Horaire");
            Assert.Contains($"Calendrier : MS {UnitesMs[i]} enregistrée.", agent.DernierePage, StringComparison.Ordinal);
        }

        await agent.SoumettreAsync($"/gestion/sessions/{session}/convocations",
            [new("Annonce.Date", "05/07/2024"), new("Annonce.Heure", "10:00"), new("Annonce.Lieux", "En ligne sur OCEAN\nAffichage au SIEC, Arcueil")], "Annonce");
        Assert.Contains("Date et lieux de publication des résultats enregistrés.", agent.DernierePage, StringComparison.Ordinal);
    }

}
