using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Examens.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotesEtResultats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inscriptions_AcademieSessionId",
                table: "Inscriptions");

            migrationBuilder.AddColumn<string>(
                name: "Forme",
                table: "Inscriptions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Option",
                table: "Inscriptions",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Specialite",
                table: "Inscriptions",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

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
                name: "ResultatsInscriptions",
                columns: table => new
                {
                    InscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
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

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_AcademieSessionId_Specialite_Option",
                table: "Inscriptions",
                columns: new[] { "AcademieSessionId", "Specialite", "Option" });

            migrationBuilder.CreateIndex(
                name: "IX_NotesUnites_InscriptionId_Unite",
                table: "NotesUnites",
                columns: new[] { "InscriptionId", "Unite" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotesUnites");

            migrationBuilder.DropTable(
                name: "ResultatsInscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Inscriptions_AcademieSessionId_Specialite_Option",
                table: "Inscriptions");

            migrationBuilder.DropColumn(
                name: "Forme",
                table: "Inscriptions");

            migrationBuilder.DropColumn(
                name: "Option",
                table: "Inscriptions");

            migrationBuilder.DropColumn(
                name: "Specialite",
                table: "Inscriptions");

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_AcademieSessionId",
                table: "Inscriptions",
                column: "AcademieSessionId");
        }
    }
}
