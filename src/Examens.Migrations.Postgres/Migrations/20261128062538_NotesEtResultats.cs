using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Examens.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Option",
                table: "Inscriptions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Specialite",
                table: "Inscriptions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotesUnites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unite = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Facultative = table.Column<bool>(type: "boolean", nullable: false),
                    Nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    ObtenueLe = table.Column<DateOnly>(type: "date", nullable: true)
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
                    InscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Moyenne = table.Column<decimal>(type: "numeric(18,10)", precision: 18, scale: 10, nullable: true),
                    Points = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    Coefficients = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    BonusFacultatif = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: false),
                    EpreuvesDeControle = table.Column<bool>(type: "boolean", nullable: false),
                    DelibereLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
