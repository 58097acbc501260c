namespace Examens.Core.Documents;

/// <summary>A document's bytes kept in the database, for several web nodes that share no disk.</summary>
public sealed class ContenuDocument
{
    public string Empreinte { get; set; } = "";

    public byte[] Contenu { get; set; } = [];

    public long Taille { get; set; }

    public DateTime EnregistreLeUtc { get; set; }
}
