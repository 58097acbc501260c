namespace Examens.Core.Documents.Antivirus;

/// <summary>A file the store will not keep, with the French reason shown to the person who uploaded it.</summary>
public sealed class FichierRefuseException : Exception
{
    public FichierRefuseException()
    {
    }

    public FichierRefuseException(string message)
        : base(message)
    {
    }

    public FichierRefuseException(string message, Exception interne)
        : base(message, interne)
    {
    }
}
