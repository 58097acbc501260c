using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Examens.Core.Tests.Persistance;

public class PersistanceExtensionsTests
{
    /// <summary>
    /// The compiled model a node starts with (ModeleCompile/ in each migrations project) says what the code's model
    /// says: tables, columns and their store types, conversions, keys, relationships, indexes. When the model changes,
    /// this fails until the two compiled models are made again (the command is in the message).
    /// </summary>
    [Theory]
    [InlineData("Data Source=modele.db", "Examens.Migrations.Sqlite")]
    [InlineData("Host=127.0.0.1;Database=modele", "Examens.Migrations.Postgres")]
    public void The_compiled_model_of_each_database_matches_the_model_the_code_builds(string chaine, string projet)
    {
        var compile = PersistanceExtensions.ModeleCompile(PersistanceExtensions.FournisseurDe(chaine));
        Assert.NotNull(compile);
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, chaine);
        using var db = new ExamensDbContext(options.Options);
        // As a node uses it: through a context, which initialises the compiled model for its provider.
        var optionsNoeud = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(optionsNoeud, chaine);
        using var noeud = new ExamensDbContext(optionsNoeud.UseModel(compile).Options);

        var attendu = Decrire(db.Model);
        var obtenu = Decrire(noeud.Model);

        var commande = $"dotnet ef dbcontext optimize --project src/{projet} --startup-project src/{projet} --output-dir ModeleCompile --namespace {projet}.ModeleCompile";
        Assert.True(attendu.SequenceEqual(obtenu),
            $"Le modèle compilé de {projet} n'est plus à jour ({commande}, puis supprimer ExamensDbContextAssemblyAttributes.cs) : "
            + string.Join(" | ", attendu.Except(obtenu).Take(5).Select(l => "attendu " + l).Concat(obtenu.Except(attendu).Take(5).Select(l => "compilé " + l))));
        Assert.Contains(obtenu, l => l.StartsWith("Examens.Core.Inscriptions.VersionInscription.Contenu ", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each database's migrations lead to the code's model: a node on the compiled model no longer checks it when it
    /// migrates at start (that check builds the very model the compiled one spares), so this test does.
    /// </summary>
    [Theory]
    [InlineData("Data Source=modele.db", "Examens.Migrations.Sqlite")]
    [InlineData("Host=127.0.0.1;Database=modele", "Examens.Migrations.Postgres")]
    public void The_migrations_of_each_database_lead_to_the_model_of_the_code(string chaine, string projet)
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, chaine);
        using var db = new ExamensDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"Le modèle a changé sans migration dans {projet} (dotnet ef migrations add … --project src/{projet}).");
    }

    private static List<string> Decrire(Microsoft.EntityFrameworkCore.Metadata.IModel modele)
    {
        static string Noms(IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty> proprietes) => string.Join(',', proprietes.Select(p => p.Name));
        var lignes = new List<string>();
        foreach (var e in modele.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lignes.Add($"{e.Name} table={e.GetTableName()} base={e.BaseType?.Name} discriminant={e.FindDiscriminatorProperty()?.Name}");
            lignes.AddRange(e.GetProperties().Select(p =>
                $"{e.Name}.{p.Name} {p.ClrType} colonne={p.GetColumnName()} stockage={p.GetRelationalTypeMapping().StoreType} null={p.IsNullable} max={p.GetMaxLength()} "
                + $"conversion={p.GetTypeMapping().Converter?.ProviderClrType} genere={p.ValueGenerated} concurrence={p.IsConcurrencyToken} defaut={p.GetDefaultValueSql()}"));
            lignes.AddRange(e.GetKeys().Select(k => $"{e.Name} cle {Noms(k.Properties)} primaire={k.IsPrimaryKey()}"));
            lignes.AddRange(e.GetForeignKeys().Select(f => $"{e.Name} etrangere {Noms(f.Properties)} -> {f.PrincipalEntityType.Name}({Noms(f.PrincipalKey.Properties)}) suppression={f.DeleteBehavior} requise={f.IsRequired}"));
            lignes.AddRange(e.GetIndexes().Select(i => $"{e.Name} index {Noms(i.Properties)} unique={i.IsUnique} nom={i.GetDatabaseName()} filtre={i.GetFilter()}"));
            lignes.AddRange(e.GetNavigations().Select(n => $"{e.Name} navigation {n.Name} -> {n.TargetEntityType.Name}"));
        }

        return [.. lignes.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void An_operator_string_gets_prepared_statements_and_no_reset_round_trip_by_default()
    {
        var b = new NpgsqlConnectionStringBuilder(PersistanceExtensions.ChainePostgres("Host=db.example;Database=examens;Username=examens"));

        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.True(b.NoResetOnClose);
        Assert.Equal("db.example", b.Host);
        Assert.Equal("examens", b.Database);
    }

    [Theory]
    [InlineData("Host=h;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=h;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("host=h;max auto prepare=0;no reset on close=false")]
    public void What_the_operator_sets_is_kept_whatever_the_spelling(string chaine)
    {
        var b = new NpgsqlConnectionStringBuilder(PersistanceExtensions.ChainePostgres(chaine));

        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.False(b.NoResetOnClose);
    }

    [Fact]
    public async Task A_query_a_node_repeats_is_prepared_once_on_its_connection()
    {
        using var bd = new BaseDeTest(BasesDeDonnees.Postgres);
        var ct = TestContext.Current.CancellationToken;
        await using var db = bd.Contexte();
        await db.Database.OpenConnectionAsync(ct);
        for (var i = 0; i < 3; i++)
        {
            _ = await db.Inscriptions.AsNoTracking().Where(x => x.Numero == $"N{i}").CountAsync(ct);
        }

        var preparees = await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync(ct);

        Assert.Contains(preparees, s => s.Contains("\"Inscriptions\"", StringComparison.Ordinal));
    }
}
