using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Examens.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JournalEtBaux : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Baux",
                columns: table => new
                {
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detenteur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpireLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Baux", x => x.Nom);
                });

            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstantUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Acteur = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Cible = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Avant = table.Column<string>(type: "text", nullable: true),
                    Apres = table.Column<string>(type: "text", nullable: true),
                    Motif = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Adresse = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Journal_Cible_InstantUtc",
                table: "Journal",
                columns: new[] { "Cible", "InstantUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Baux");

            migrationBuilder.DropTable(
                name: "Journal");
        }
    }
}
