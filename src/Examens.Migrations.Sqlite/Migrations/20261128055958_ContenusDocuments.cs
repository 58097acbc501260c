using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Examens.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContenusDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContenusDocuments");
        }
    }
}
