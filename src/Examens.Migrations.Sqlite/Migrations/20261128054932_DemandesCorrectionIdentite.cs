using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Examens.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DemandesCorrectionIdentite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_DemandesCorrectionIdentite_CandidatId_Etat",
                table: "DemandesCorrectionIdentite",
                columns: new[] { "CandidatId", "Etat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemandesCorrectionIdentite");
        }
    }
}
