using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Examens.Migrations.Postgres.Migrations
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
                    Empreinte = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    Taille = table.Column<long>(type: "bigint", nullable: false),
                    EnregistreLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
