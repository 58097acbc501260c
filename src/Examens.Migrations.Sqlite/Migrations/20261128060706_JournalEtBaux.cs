using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Examens.Migrations.Sqlite.Migrations
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
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detenteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpireLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Baux", x => x.Nom);
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
