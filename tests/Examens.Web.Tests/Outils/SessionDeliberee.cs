using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// The results of the seed's BTS 2024 session (SIEC, deliberation 5 July 2024), written directly in the database as the
/// grades helper's validated grades (NoteUnite) would be: MCO, global form, coefficients 3, 1.5, 1.5, 3, 3, 3, 3, 3 (21).
/// </summary>
public static class SessionDeliberee
{
    public static readonly string[] UnitesMco = ["U1", "U21", "U22", "U3", "U41", "U42", "U5", "U6"];

    /// <summary>The eve of the deliberation, 11:00 Paris: every test starts here, before anyone signs in.</summary>
    public static readonly DateTimeOffset Veille = new(2024, 7, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Ajourné: U3 kept (bénéfice) from 2021, U1 passed with 12; 202.5 points / 21 = 9.642857…</summary>
    public static readonly Dictionary<string, NoteUnite> NotesAjourne = new()
    {
        ["U1"] = new() { Nature = NatureResultat.Note, Note = 12m },
        ["U21"] = new() { Nature = NatureResultat.Note, Note = 8m },
        ["U22"] = new() { Nature = NatureResultat.Note, Note = 9m },
        ["U3"] = new() { Nature = NatureResultat.Benefice, Note = 13m, ObtenueLe = new DateOnly(2021, 7, 2) },
        ["U41"] = new() { Nature = NatureResultat.Note, Note = 7m },
        ["U42"] = new() { Nature = NatureResultat.Note, Note = 8m },
        ["U5"] = new() { Nature = NatureResultat.Note, Note = 9m },
        ["U6"] = new() { Nature = NatureResultat.Note, Note = 10m },
    };

    public static int Session(UsineExamens usine, string libelle = "BTS session 2024")
    {
        ArgumentNullException.ThrowIfNull(usine);
        using var portee = usine.Services.CreateScope();
        return portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Sessions.Where(s => s.Libelle == libelle).Select(s => s.Id).First();
    }

    /// <summary>A submitted MCO registration of the candidate (an account that exists) with these validated grades.</summary>
    public static async Task<Guid> InscrireAsync(UsineExamens usine, string courriel, string nom, IReadOnlyDictionary<string, NoteUnite> notes,
        string codeAcademie = "SIEC", string libelleSession = "BTS session 2024", FormePassage forme = FormePassage.Globale)
    {
        ArgumentNullException.ThrowIfNull(usine);
        ArgumentNullException.ThrowIfNull(notes);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var compte = await db.Users.FirstAsync(u => u.Email == courriel, TestContext.Current.CancellationToken);
        compte.Nom = nom;
        compte.Prenoms = "Camille";
        compte.DateNaissance = new DateOnly(2001, 3, 9);
        compte.LieuNaissance = "Créteil";
        var academie = await db.AcademiesSessions.FirstAsync(a => a.Code == codeAcademie && a.Session.Libelle == libelleSession, TestContext.Current.CancellationToken);
        var inscription = new Inscription { Id = Guid.NewGuid(), Numero = $"BTS-{nom.ToUpperInvariant()}-{Guid.NewGuid():N}"[..20], CandidatId = compte.Id, AcademieSessionId = academie.Id };
        inscription.AjouterVersion(new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc), "{}", new string('0', 64), "0000-0000-0000",
            new DonneesInscription { Specialite = "MCO", Forme = forme, LangueObligatoire = "anglais" });
        db.Inscriptions.Add(inscription);
        foreach (var (unite, n) in notes)
        {
            db.NotesUnites.Add(new NoteUnite { InscriptionId = inscription.Id, Unite = unite, Nature = n.Nature, Note = n.Note, ObtenueLe = n.ObtenueLe, Facultative = n.Facultative });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return inscription.Id;
    }

    /// <summary>Every unit with the same grade this session.</summary>
    public static Dictionary<string, NoteUnite> Toutes(decimal note) =>
        UnitesMco.ToDictionary(u => u, _ => new NoteUnite { Nature = NatureResultat.Note, Note = note });

    /// <summary>A candidate account as the portal makes it (e-mail confirmed, signed in).</summary>
    public static Task<ClientPortail> CandidatAsync(UsineExamens usine, string courriel) => Parcours.CandidatConnecteAsync(usine, courriel);

    public static async Task<T> LireAsync<T>(UsineExamens usine, Func<ExamensDbContext, Task<T>> lecture)
    {
        ArgumentNullException.ThrowIfNull(usine);
        ArgumentNullException.ThrowIfNull(lecture);
        using var portee = usine.Services.CreateScope();
        return await lecture(portee.ServiceProvider.GetRequiredService<ExamensDbContext>());
    }

    public static Task<ResultatInscription> ResultatAsync(UsineExamens usine, Guid inscription) =>
        LireAsync(usine, db => db.ResultatsInscriptions.AsNoTracking().SingleAsync(r => r.InscriptionId == inscription, TestContext.Current.CancellationToken));
}

/// <summary>Deliberation, lock and publication done through the use cases, for the tests about what comes after.</summary>
public static class PublicationDeTest
{
    public static async Task DelibererEtPublierAsync(UsineExamens usine, int session, DateTimeOffset publication)
    {
        ArgumentNullException.ThrowIfNull(usine);
        using var portee = usine.Services.CreateScope();
        var s = portee.ServiceProvider;
        await ConvocationsPublieesAsync(usine, session);
        Assert.True((await s.GetRequiredService<DelibererSession>().DelibererAsync(session, null, TestContext.Current.CancellationToken)).Reussi);
        Assert.True((await s.GetRequiredService<VerrouillerResultats>().ExecuterAsync(session, "test", null, TestContext.Current.CancellationToken)).Reussi);
        Assert.True((await s.GetRequiredService<FixerPublication>().ExecuterAsync(session, publication, "test", null, TestContext.Current.CancellationToken)).Reussi);
    }

    /// <summary>The convocations published, as they are before any grade exists (R60): the lock needs it.</summary>
    public static async Task ConvocationsPublieesAsync(UsineExamens usine, int session)
    {
        ArgumentNullException.ThrowIfNull(usine);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        (await db.Sessions.SingleAsync(x => x.Id == session, TestContext.Current.CancellationToken)).ConvocationsPubliees = true;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
