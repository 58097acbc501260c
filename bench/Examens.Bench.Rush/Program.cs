using Examens.Bench.Rush;

// The registration rush against a release build of the portal, with its ceilings measured in the same run.
// Usage: dotnet run -c Release --project bench/Examens.Bench.Rush -- [--candidats 2000] [--duree 60] [--postgres "Host=…"]
Options? options;
try
{
    options = Options.Lire(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(Options.Aide);
    return 2;
}

if (options is null)
{
    Console.WriteLine(Options.Aide);
    return 0;
}

if (options.ServeurNu is { } url)
{
    await ServeurNu.ExecuterAsync(url);
    return 0;
}

return await Banc.ExecuterAsync(options);
