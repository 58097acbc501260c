using System.Runtime.CompilerServices;

namespace Examens.Tests.Commun;

/// <summary>
/// Every test host would otherwise watch appsettings.json with inotify, and hundreds of hosts in one run exhaust the
/// per-user limit of inotify instances (128 on Debian): no test needs configuration reloaded from a file.
/// </summary>
internal static class SansSurveillanceDeFichiers
{
#pragma warning disable CA2255 // A test executable is an application: its start is the place for this.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialiser() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
