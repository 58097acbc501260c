namespace Examens.Core.Documents.Chiffrement;

/// <summary>
/// A stored document that cannot be given back as it was received: its authentication tag or fingerprint does not
/// match (altered on disk or in the database), or it was encrypted with a key this node does not have. The message is
/// French and says what to do; it never carries the content.
/// </summary>
public sealed class DocumentIllisibleException : Exception
{
    public DocumentIllisibleException()
        : this("Ce document stocké ne peut pas être relu.")
    {
    }

    public DocumentIllisibleException(string message)
        : base(message)
    {
    }

    public DocumentIllisibleException(string message, Exception interne)
        : base(message, interne)
    {
    }
}
