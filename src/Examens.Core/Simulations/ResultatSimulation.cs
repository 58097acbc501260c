namespace Examens.Core.Simulations;

public enum IssueSimulation
{
    /// <summary>Exit code 0, HTTP 200.</summary>
    Valide,

    /// <summary>The input breaks a rule or has the wrong shape: exit code 2, HTTP 422.</summary>
    Invalide,

    /// <summary>The input is not JSON: exit code 2, HTTP 400.</summary>
    Illisible,
}

/// <summary>The answer of a simulator: the same JSON bytes for the command line and HTTP.</summary>
public sealed record ResultatSimulation(IssueSimulation Issue, byte[] Json, string Resume)
{
    public int CodeDeSortie => Issue == IssueSimulation.Valide ? 0 : 2;

    public int StatutHttp => Issue switch
    {
        IssueSimulation.Valide => 200,
        IssueSimulation.Invalide => 422,
        IssueSimulation.Illisible => 400,
    };
}
