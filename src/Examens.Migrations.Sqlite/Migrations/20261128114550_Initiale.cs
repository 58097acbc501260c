using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Examens.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initiale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prenoms = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LieuNaissance = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    IdentiteVerrouillee = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Desactive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Baux",
                columns: table => new
                {
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detenteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpireLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Baux", x => x.Nom);
                });

            migrationBuilder.CreateTable(
                name: "ClesIdempotence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompteId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Cle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Resultat = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    InstantUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClesIdempotence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContenusDocuments",
                columns: table => new
                {
                    Empreinte = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    EnregistreLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContenusDocuments", x => x.Empreinte);
                });

            migrationBuilder.CreateTable(
                name: "CourrielsEnAttente",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Texte = table.Column<string>(type: "TEXT", nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProchainEssaiUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Essais = table.Column<int>(type: "INTEGER", nullable: false),
                    Detenteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReserveJusquAUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DerniereErreur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourrielsEnAttente", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstantUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Acteur = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Cible = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Avant = table.Column<string>(type: "TEXT", nullable: true),
                    Apres = table.Column<string>(type: "TEXT", nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Annee = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DateDeliberation = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConservationMois = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 12),
                    Demonstration = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConvocationsPubliees = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConvocationsPublieesLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandesCorrectionIdentite",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidatId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prenoms = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LieuNaissance = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Explication = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EmpreinteJustificatif = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TypeJustificatif = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DemandeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MotifDecision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecideeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandesCorrectionIdentite", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandesCorrectionIdentite_AspNetUsers_CandidatId",
                        column: x => x.CandidatId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PerimetresGestionnaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompteId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CodeAcademie = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerimetresGestionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerimetresGestionnaires_AspNetUsers_CompteId",
                        column: x => x.CompteId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AcademiesSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Fuseau = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OuvertureLocale = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FermetureLocale = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FermetureUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OuvertureUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DateLimitePiecesLocale = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModeConfirmation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MaxUnitesFacultatives = table.Column<int>(type: "INTEGER", nullable: false),
                    AbsenceFacultativeEliminatoire = table.Column<bool>(type: "INTEGER", nullable: false),
                    PieceD12Requise = table.Column<bool>(type: "INTEGER", nullable: false),
                    PieceD13Requise = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcademiesSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcademiesSessions_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnoncesResultats",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Heure = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Lieux = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnoncesResultats", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_AnnoncesResultats_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CentresExamen",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeAcademie = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Capacite = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CentresExamen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CentresExamen_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HorairesEpreuves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Specialite = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Unite = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Debut = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DureeMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HorairesEpreuves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HorairesEpreuves_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicationsResultats",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    VerrouillesLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerrouillesPar = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PublicationUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationsResultats", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_PublicationsResultats_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CandidatId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcademieSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Brouillon = table.Column<string>(type: "TEXT", nullable: false),
                    DerniereVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetireeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Specialite = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Option = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Forme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EcarteeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MotifEcart = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Complet = table.Column<bool>(type: "INTEGER", nullable: false),
                    PiecesManquantes = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    PiecesRefusees = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    PointsACorriger = table.Column<int>(type: "INTEGER", nullable: false),
                    BrouillonModifie = table.Column<bool>(type: "INTEGER", nullable: false),
                    DerniereSoumissionUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inscriptions_AcademiesSessions_AcademieSessionId",
                        column: x => x.AcademieSessionId,
                        principalTable: "AcademiesSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inscriptions_AspNetUsers_CandidatId",
                        column: x => x.CandidatId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AffectationsCentres",
                columns: table => new
                {
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    AffecteeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AffectationsCentres", x => x.InscriptionId);
                    table.ForeignKey(
                        name: "FK_AffectationsCentres_CentresExamen_CentreId",
                        column: x => x.CentreId,
                        principalTable: "CentresExamen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AffectationsCentres_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionsJury",
                columns: table => new
                {
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PointsJury = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    DecisionImposee = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ActeurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InstantUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionsJury", x => x.InscriptionId);
                    table.ForeignKey(
                        name: "FK_DecisionsJury_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotesUnites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unite = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Facultative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    ObtenueLe = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotesUnites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotesUnites_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PiecesDeposees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Piece = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Empreinte = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    NomAffiche = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeposeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Courante = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiecesDeposees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PiecesDeposees_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RappelsEnvoyes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelaiMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    EcheanceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnvoyeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RappelsEnvoyes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RappelsEnvoyes_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultatsInscriptions",
                columns: table => new
                {
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecisionCalculee = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PointsJury = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    CourrielPublicationLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Moyenne = table.Column<decimal>(type: "TEXT", precision: 18, scale: 10, nullable: true),
                    Points = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    Coefficients = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    BonusFacultatif = table.Column<decimal>(type: "TEXT", precision: 10, scale: 4, nullable: false),
                    EpreuvesDeControle = table.Column<bool>(type: "INTEGER", nullable: false),
                    DelibereLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultatsInscriptions", x => x.InscriptionId);
                    table.ForeignKey(
                        name: "FK_ResultatsInscriptions_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SaisiesNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unite = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    Acteur = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SaisieLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaisiesNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaisiesNotes_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionsInscription",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    SoumiseLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Empreinte = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contenu = table.Column<string>(type: "TEXT", nullable: false),
                    CodeVerification = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuteurGestionnaire = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsInscription", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VersionsInscription_Inscriptions_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "Inscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcademiesSessions_SessionId_Code",
                table: "AcademiesSessions",
                columns: new[] { "SessionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AffectationsCentres_CentreId",
                table: "AffectationsCentres",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CentresExamen_SessionId_Nom",
                table: "CentresExamen",
                columns: new[] { "SessionId", "Nom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClesIdempotence_CompteId_Cle",
                table: "ClesIdempotence",
                columns: new[] { "CompteId", "Cle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClesIdempotence_InstantUtc",
                table: "ClesIdempotence",
                column: "InstantUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CourrielsEnAttente_ProchainEssaiUtc",
                table: "CourrielsEnAttente",
                column: "ProchainEssaiUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesCorrectionIdentite_CandidatId_Etat",
                table: "DemandesCorrectionIdentite",
                columns: new[] { "CandidatId", "Etat" });

            migrationBuilder.CreateIndex(
                name: "IX_HorairesEpreuves_SessionId_Specialite_Unite",
                table: "HorairesEpreuves",
                columns: new[] { "SessionId", "Specialite", "Unite" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_AcademieSessionId_Etat_Complet",
                table: "Inscriptions",
                columns: new[] { "AcademieSessionId", "Etat", "Complet" });

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_AcademieSessionId_Specialite_Option",
                table: "Inscriptions",
                columns: new[] { "AcademieSessionId", "Specialite", "Option" });

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_CandidatId_AcademieSessionId",
                table: "Inscriptions",
                columns: new[] { "CandidatId", "AcademieSessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_Numero",
                table: "Inscriptions",
                column: "Numero",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Journal_Cible_InstantUtc",
                table: "Journal",
                columns: new[] { "Cible", "InstantUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NotesUnites_InscriptionId_Unite",
                table: "NotesUnites",
                columns: new[] { "InscriptionId", "Unite" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PerimetresGestionnaires_CompteId_CodeAcademie",
                table: "PerimetresGestionnaires",
                columns: new[] { "CompteId", "CodeAcademie" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PiecesDeposees_Empreinte",
                table: "PiecesDeposees",
                column: "Empreinte");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesDeposees_InscriptionId_Piece_Courante",
                table: "PiecesDeposees",
                columns: new[] { "InscriptionId", "Piece", "Courante" });

            migrationBuilder.CreateIndex(
                name: "IX_RappelsEnvoyes_InscriptionId_DelaiMinutes",
                table: "RappelsEnvoyes",
                columns: new[] { "InscriptionId", "DelaiMinutes" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaisiesNotes_InscriptionId_Unite_Numero",
                table: "SaisiesNotes",
                columns: new[] { "InscriptionId", "Unite", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersionsInscription_InscriptionId_Numero",
                table: "VersionsInscription",
                columns: new[] { "InscriptionId", "Numero" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AffectationsCentres");

            migrationBuilder.DropTable(
                name: "AnnoncesResultats");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Baux");

            migrationBuilder.DropTable(
                name: "ClesIdempotence");

            migrationBuilder.DropTable(
                name: "ContenusDocuments");

            migrationBuilder.DropTable(
                name: "CourrielsEnAttente");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DecisionsJury");

            migrationBuilder.DropTable(
                name: "DemandesCorrectionIdentite");

            migrationBuilder.DropTable(
                name: "HorairesEpreuves");

            migrationBuilder.DropTable(
                name: "Journal");

            migrationBuilder.DropTable(
                name: "NotesUnites");

            migrationBuilder.DropTable(
                name: "PerimetresGestionnaires");

            migrationBuilder.DropTable(
                name: "PiecesDeposees");

            migrationBuilder.DropTable(
                name: "PublicationsResultats");

            migrationBuilder.DropTable(
                name: "RappelsEnvoyes");

            migrationBuilder.DropTable(
                name: "ResultatsInscriptions");

            migrationBuilder.DropTable(
                name: "SaisiesNotes");

            migrationBuilder.DropTable(
                name: "VersionsInscription");

            migrationBuilder.DropTable(
                name: "CentresExamen");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Inscriptions");

            migrationBuilder.DropTable(
                name: "AcademiesSessions");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Sessions");
        }
    }
}
