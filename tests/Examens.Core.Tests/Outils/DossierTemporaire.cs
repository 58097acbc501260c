namespace Examens.Core.Tests.Outils;

/// <summary>A fresh folder under the system temp directory, removed with everything in it at the end of the test.</summary>
internal sealed class DossierTemporaire : IDisposable
{
    public string Chemin { get; } = Directory.CreateTempSubdirectory("examens-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Chemin, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves litter in the temp directory; the test's outcome stands.
        }
    }
}
