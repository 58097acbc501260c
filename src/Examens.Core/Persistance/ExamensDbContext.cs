using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Persistance;

/// <summary>
/// The one EF Core model, provider-agnostic (SQLite embedded by default). Instants are UTC <see cref="DateTime"/>
/// (SQLite cannot compare DateTimeOffset); enums are stored as strings; data-protection keys live here so every
/// node shares them.
/// </summary>
public sealed class ExamensDbContext(DbContextOptions<ExamensDbContext> options)
    : IdentityDbContext<Compte>(options), IDataProtectionKeyContext
{
    public DbSet<SessionExamen> Sessions => Set<SessionExamen>();

    public DbSet<AcademieSession> AcademiesSessions => Set<AcademieSession>();

    public DbSet<Inscription> Inscriptions => Set<Inscription>();

    public DbSet<VersionInscription> VersionsInscription => Set<VersionInscription>();

    public DbSet<PieceDeposee> PiecesDeposees => Set<PieceDeposee>();

    public DbSet<PerimetreGestionnaire> PerimetresGestionnaires => Set<PerimetreGestionnaire>();

    public DbSet<DemandeCorrectionIdentite> DemandesCorrectionIdentite => Set<DemandeCorrectionIdentite>();

    public DbSet<Documents.ContenuDocument> ContenusDocuments => Set<Documents.ContenuDocument>();

    public DbSet<Journal.EvenementJournal> Journal => Set<Journal.EvenementJournal>();

    public DbSet<Taches.Bail> Baux => Set<Taches.Bail>();

    public DbSet<Rappels.RappelEnvoye> RappelsEnvoyes => Set<Rappels.RappelEnvoye>();

    public DbSet<Idempotence.CleIdempotence> ClesIdempotence => Set<Idempotence.CleIdempotence>();

    public DbSet<Courriels.CourrielEnAttente> CourrielsEnAttente => Set<Courriels.CourrielEnAttente>();

    public DbSet<Resultats.NoteUnite> NotesUnites => Set<Resultats.NoteUnite>();

    public DbSet<Resultats.ResultatInscription> ResultatsInscriptions => Set<Resultats.ResultatInscription>();

    public DbSet<Convocations.CentreExamen> CentresExamen => Set<Convocations.CentreExamen>();

    public DbSet<Convocations.HoraireEpreuve> HorairesEpreuves => Set<Convocations.HoraireEpreuve>();

    public DbSet<Convocations.AffectationCentre> AffectationsCentres => Set<Convocations.AffectationCentre>();

    public DbSet<Convocations.AnnonceResultats> AnnoncesResultats => Set<Convocations.AnnonceResultats>();

    public DbSet<Notes.SaisieNote> SaisiesNotes => Set<Notes.SaisieNote>();

    public DbSet<Resultats.DecisionJury> DecisionsJury => Set<Resultats.DecisionJury>();

    public DbSet<Resultats.PublicationResultats> PublicationsResultats => Set<Resultats.PublicationResultats>();

    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ExamensDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // An academy's local date-times have no zone of their own: they are not instants (P12).
            var academie = builder.Entity<Sessions.AcademieSession>();
            academie.Property(a => a.OuvertureLocale).HasColumnType("timestamp without time zone");
            academie.Property(a => a.FermetureLocale).HasColumnType("timestamp without time zone");
            academie.Property(a => a.DateLimitePiecesLocale).HasColumnType("timestamp without time zone");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
