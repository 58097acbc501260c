namespace Examens.Core.Documents;

/// <summary>The only kinds of file a candidate may upload, recognised by content, never by name.</summary>
public enum TypeFichier
{
    Pdf,
    Jpeg,
    Png,
}
