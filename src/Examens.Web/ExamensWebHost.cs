using System.Globalization;
using Examens.Core.Catalogue;
using Examens.Core.Comptes;
using Examens.Core.Convocations;
using Examens.Core.Courriels;
using Examens.Core.Documents;
using Examens.Core.Exports;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Core.Simulations;
using Examens.Web.Api;
using Examens.Web.Comptes;
using Examens.Web.Gestion;
using Examens.Web.Infrastructure;
using Examens.Web.Infrastructure.Admission;
using Examens.Web.Infrastructure.Limites;
using Examens.Web.Infrastructure.Proxies;
using Examens.Web.Infrastructure.Sante;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Examens.Web;

/// <summary>Composes the web host: the portal pages, the back-office pages and the JSON API over one core.</summary>
public static partial class ExamensWebHost
{
    public static WebApplication Construire(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var dossierCatalogue = config["Examens:Catalogue"] ?? ChargeurCatalogue.DossierParDefaut;
        var donnees = Path.GetFullPath(config["Examens:Donnees"] ?? ".data");
        Directory.CreateDirectory(donnees);
        ConfigurerJournal(builder);

        // A bad catalogue stops the start: a wrong coefficient must never reach a candidate.
        var catalogue = ChargeurCatalogue.Charger(dossierCatalogue);
        var services = builder.Services;
        services.AddSingleton(catalogue);
        services.AddSingleton(new SimulationInscription(catalogue));
        services.AddSingleton<VerifierBrouillon>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddExamensPersistance(
            config.GetConnectionString("Examens") ?? PersistanceExtensions.ChaineSqliteParDefaut(donnees),
            Math.Max(0, config.GetValue("Examens:Portail:AccueilEnCache", 20_000)));
        services.AddIdentity<Compte, IdentityRole>(ReglesIdentite.Appliquer)
            .AddEntityFrameworkStores<ExamensDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ErreursIdentiteFrancais>()
            .AddPasswordValidator<MotsDePasseCourants>()
            .AddSignInManager<ConnexionExamens>();
        // A candidate's session is checked with one query while nothing changed; staff and changes take Identity's full check.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, ValidationSession>());
        // A disabled account or a reset second factor ends the open sessions within a minute (security stamp).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = ConnexionExamens.GarderMethodeConnexion;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/erreur/403";
            o.ReturnUrlParameter = "retour";
            o.Cookie.Name = "examens";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(2);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidationSession.SiIntervallePasseAsync;
            o.Events.OnRedirectToLogin = c => AccesGestion.VersConnexion(c);
            o.Events.OnRedirectToAccessDenied = c => AccesGestion.Refuser(c);
        });
        // Registered after Identity's own post-configuration, which creates the cookie's data format that this one wraps.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider>((o, horloge) => o.TicketDataFormat = new TicketsLusEnCache(o.TicketDataFormat, horloge));
        services.AddAuthorizationBuilder()
            .AddPolicy(AccesGestion.Politique, AccesGestion.Construire)
            .AddPolicy(AccesGestion.PolitiqueAdministration, AccesGestion.ConstruireAdministration);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "examens-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // HSTS on every HTTPS answer (never on plain HTTP, where it means nothing): one year, subdomains included.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // Keys in the database: a cookie or form made on one node is valid on another. Encrypted there with a sub-key of
        // the document key (kept outside the database), so a database dump cannot forge a cookie (docs/security.md V6).
        // AES-256-GCM for new keys: one authenticated pass instead of CBC then an HMAC, on every cookie and form token
        // (keys made before keep their algorithm until they expire).
        services.AddDataProtection().SetApplicationName("Examens").PersistKeysToDbContext<ExamensDbContext>()
            .UseCryptographicAlgorithms(new Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.EncryptionAlgorithm.AES_256_GCM,
            });
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Examens.Core.Documents.Chiffrement.ChiffrementDocuments>((o, cles) => o.XmlEncryptor = new Infrastructure.ProtectionDonnees.ChiffreurAnneauCles(cles));

        var dossierCourriels = Path.Combine(donnees, "courriels");
        services.AddCourriels(config.GetSection("Examens:Courriels"), dossierCourriels);
        // Documents in a folder (one machine) or in the database (several nodes that share no disk), encrypted at rest
        // in both with a key kept outside the database.
        var chiffrement = Examens.Core.Documents.Chiffrement.ClesDocumentsConfigurees.Charger(config, donnees);
        services.AddSingleton(chiffrement);
        var enBase = string.Equals(config["Examens:Documents:Stockage"], "base", StringComparison.OrdinalIgnoreCase);
        if (enBase)
        {
            services.AddSingleton<StockageDocumentsBase>();
        }
        else
        {
            services.AddSingleton(new StockageDocumentsDossier(Path.Combine(donnees, "documents"), chiffrement));
        }

        // Optional ClamAV: every stored document is scanned first, and refused while clamd is unreachable.
        var clamd = config["Examens:Antivirus:Clamd"];
        var delaiClamd = TimeSpan.FromSeconds(config.GetValue("Examens:Antivirus:DelaiSecondes", 30));
        services.AddSingleton<IStockageDocuments>(sp =>
        {
            IStockageDocuments stockage = enBase ? sp.GetRequiredService<StockageDocumentsBase>() : sp.GetRequiredService<StockageDocumentsDossier>();
            return string.IsNullOrWhiteSpace(clamd) ? stockage : new Examens.Core.Documents.Antivirus.StockageAnalyse(stockage, new Examens.Core.Documents.Antivirus.ClientClamd(clamd, delaiClamd));
        });
        services.Configure<OptionsPieces>(config.GetSection("Examens:Pieces"));
        // Forms never read past the file limit (plus room for the other fields), whatever the server in front.
        var limiteFormulaire = config.GetValue("Examens:Pieces:TailleMaximale", new OptionsPieces().TailleMaximale) + LimiteTeleversement.Marge;
        // The usual upload stays in memory from the form to the store (ReceptionFichier.TailleEnMemoire); larger ones are
        // buffered in temporary files.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limiteFormulaire;
            o.MemoryBufferThreshold = ReceptionFichier.TailleEnMemoire;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limiteFormulaire);
        services.AddScoped<LiensCompte>();
        services.AddScoped<CommencerInscription>();
        services.AddScoped<SoumettreInscription>();
        services.AddScoped<RetirerInscription>();
        services.AddScoped<DeposerPiece>();
        services.AddScoped<Examens.Core.DonneesPersonnelles.ExporterDonneesCandidat>();
        services.AddScoped<ExaminerPiece>();
        services.AddScoped<Examens.Core.Courriels.AvisCandidat>();
        services.AddScoped<EcarterInscription>();
        services.AddScoped<ModifierInscriptionGestionnaire>();
        services.AddScoped<ConstruireConfirmation>();
        services.AddScoped<DemanderCorrectionIdentite>();
        services.AddScoped<TraiterDemandeCorrection>();
        services.AddScoped<ExporterInscriptions>();
        services.AddScoped<ChargerListe>();
        services.AddScoped<CalculerTableauDeBord>();
        services.AddSingleton(Examens.Core.Rappels.OptionsRappels.Lire(config.GetSection("Examens:Rappels")));
        services.AddScoped<Examens.Core.Rappels.EnvoyerRappels>();
        services.AddScoped<Examens.Core.Taches.BailDistribue>();
        services.AddScoped<ProlongerFenetre>();
        services.AddScoped<InviterPersonnel>();
        services.AddScoped<ModifierPerimetre>();
        services.AddScoped<ChangerActivationCompte>();
        services.AddScoped<ReinitialiserSecondFacteur>();
        services.AddScoped<EnrolerAuthentificateur>();
        services.AddScoped<CreerSession>();
        services.AddScoped<EnregistrerAcademie>();
        services.AddConvocationsEtNotes();
        services.AddScoped<Examens.Core.Resultats.DelibererSession>();
        services.AddScoped<Examens.Core.Resultats.CalculerResultatCandidat>();
        services.AddScoped<Examens.Core.Resultats.EnregistrerDecisionJury>();
        services.AddScoped<Examens.Core.Resultats.VerrouillerResultats>();
        services.AddScoped<Examens.Core.Resultats.FixerPublication>();
        services.AddScoped<Examens.Core.Resultats.EnvoyerCourrielsResultats>();
        services.AddScoped<Examens.Core.Resultats.ConsulterResultat>();
        services.AddSingleton<Examens.Core.Idempotence.RegistreIdempotence>();
        services.AddScoped<BalayerOrphelins>();
        services.AddSingleton<TachesDeFond>();
        // The outbox: e-mails written with the change they report, sent by every node's pass (rows claimed one by one).
        services.AddSingleton<ReveilCourriels>();
        services.AddScoped<EnvoyerCourrielsEnAttente>();
        services.AddSingleton<ExpediteurCourriels>();
        if (config.GetValue("Examens:TachesDeFond", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<TachesDeFond>());
            services.AddHostedService(sp => sp.GetRequiredService<ExpediteurCourriels>());
        }
        services.AddTelemetrie(config);
        services.AddAdmission(config.GetSection(OptionsAdmission.Section));
        services.AddSante();
        services.AddLimites(config.GetSection(Infrastructure.Limites.OptionsLimites.Section));
        services.AddProxies(config);

        // French pages stay readable French in the HTML: only what HTML needs is escaped.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Candidat");
            o.Conventions.AuthorizeFolder("/Gestion", AccesGestion.Politique);
            o.Conventions.AuthorizeFolder("/Gestion/Personnel", AccesGestion.PolitiqueAdministration);
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<GestionnaireAbsent>();
            o.ModelBinderProviders.Insert(0, new CaseACocher.Fournisseur());
            o.Filters.Add<Infrastructure.Idempotence.FiltreIdempotence>();
            MessagesSaisie.Appliquer(o.ModelBindingMessageProvider);
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(o => o.ClientModelValidatorProviders.Insert(0, new ObligatoireImplicite()));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // The framework's antiforgery, behind a per-node copy of the tokens it made and accepted (JetonsAntiforgeryEnCache).
        var antiforgery = services.Last(s => s.ServiceType == typeof(IAntiforgery));
        services.Remove(antiforgery);
        services.AddSingleton<IAntiforgery>(sp => new JetonsAntiforgeryEnCache(
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, antiforgery.ImplementationType!),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>(), sp.GetRequiredService<TimeProvider>()));

        var app = builder.Build();
        Preparer(app, donnees, config.GetValue("Examens:Demonstration", false));

        // First: everything after (HSTS, Secure cookies, rate limits, the trail) sees the client, not the proxy.
        app.UseForwardedHeaders();
        var francais = CultureInfo.GetCultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(francais),
            SupportedCultures = [francais],
            SupportedUICultures = [francais],
            // One culture: there is nothing to read from the query, a cookie or Accept-Language on every request.
            RequestCultureProviders = [],
        });
        app.UseMiddleware<EnTetesDeSecurite>();
        app.UseHsts();
        app.UseExceptionHandler(ErreurInattendue.Configurer);
        app.UseAdmission();
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseMiddleware<LimiteTeleversement>();
        app.UseMiddleware<FormulaireIllisible>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<EcritureCandidat>();
        // After authentication: a signed-in person is limited by account, others by address.
        app.UseRateLimiter();
        app.MapSante();
        app.MapSimulations();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// One JSON object per line on the console, UTC time, for the log collector of a multi-node deployment; on by
    /// default outside Development ("Examens:Journal:Json"). Messages carry ids only, never a name or an address.
    /// </summary>
    private static void ConfigurerJournal(WebApplicationBuilder builder)
    {
        // The request lines carry query strings (an officer's search is a candidate's name): never written, whatever
        // the configured default level.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        if (builder.Configuration.GetValue("Examens:Journal:Json", !builder.Environment.IsDevelopment()))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.IncludeScopes = true;
                // French messages stay readable: these lines go to a log collector, never into a page.
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions
                {
                    Indented = false,
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                };
            });
        }
    }

    /// <summary>Creates or upgrades the embedded database and installs the demonstration data when asked.</summary>
    private static void Preparer(WebApplication app, string donnees, bool demonstration)
    {
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        db.Database.Migrate();
        Infrastructure.ProtectionDonnees.VerifierAnneauCles.Verifier(db, app.Services.GetRequiredService<Examens.Core.Documents.Chiffrement.ChiffrementDocuments>(), app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        RolesPersonnel.CreerManquantsAsync(portee.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>()).GetAwaiter().GetResult();
        if (demonstration)
        {
            DonneesDemonstration.InstallerAsync(db, portee.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None).GetAwaiter().GetResult();
        }

        var journal = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Examens");
        var destination = app.Services.GetRequiredService<DestinationCourriels>().Description;
        JournalDemarrage(journal, donnees, destination);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Examens : données dans {Donnees}. {Courriels}")]
    private static partial void JournalDemarrage(ILogger journal, string donnees, string courriels);
}
