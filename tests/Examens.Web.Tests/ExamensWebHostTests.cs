using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Examens.Web.Tests;

public sealed class ExamensWebHostTests : IDisposable
{
    private readonly UsineExamens _usine = new();

    public void Dispose() => _usine.Dispose();

    [Fact]
    public void Console_logs_are_JSON_lines_with_UTC_time_when_asked()
    {
        using var portail = _usine.WithWebHostBuilder(b => b.UseSetting("Examens:Journal:Json", "true"));

        Assert.Equal(ConsoleFormatterNames.Json, portail.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var json = portail.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.UseUtcTimestamp);
        Assert.False(json.JsonWriterOptions.Indented);
    }

    [Fact]
    public void Console_logs_stay_plain_text_when_not_asked()
    {
        using var portail = _usine.WithWebHostBuilder(b => b.UseSetting("Examens:Journal:Json", "false"));

        Assert.NotEqual(ConsoleFormatterNames.Json, portail.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_staff_roles_exist_after_the_start(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        using var portee = usine.Services.CreateScope();
        var roles = portee.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();

        Assert.True(await roles.RoleExistsAsync(Examens.Core.Comptes.RolesPersonnel.Administrateur));
        Assert.True(await roles.RoleExistsAsync(Examens.Core.Comptes.RolesPersonnel.Gestionnaire));
    }
}
