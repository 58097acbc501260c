using System.Runtime.CompilerServices;

namespace Examens.Tests.Commun;

/// <summary>
/// A test host would otherwise hold inotify instances for appsettings.json (configuration reload) and for the web root
/// (asp-append-version watches the stylesheet), and ASP.NET Core never disposes the web root's file provider: hundreds
/// of hosts in one run exhaust the per-user limit of inotify instances (128 on Debian), after which the layout of every
/// new host throws and its first page is a 500. No test needs a file watched; the polling watcher uses no inotify.
/// </summary>
internal static class SansSurveillanceDeFichiers
{
#pragma warning disable CA2255 // A test executable is an application: its start is the place for this.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialiser()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
