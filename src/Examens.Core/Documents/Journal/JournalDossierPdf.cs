using Examens.Core.Documents.Confirmation;
using Examens.Core.Journal;
using PdfSharp.Pdf;

namespace Examens.Core.Documents.Journal;

/// <summary>
/// A file's trail as a PDF for an appeal: one block per entry (when, who, what, before, after, reason, address), with
/// the embedded DejaVu fonts of the confirmation so accents print the same everywhere.
/// </summary>
public static class JournalDossierPdf
{
    public sealed record Ligne(string Quand, string Qui, string Action, string? Avant, string? Apres, string? Motif, string? Adresse);

    public static byte[] Generer(string numero, string titre, string edition, IReadOnlyList<Ligne> lignes)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        using var document = new PdfDocument();
        document.Info.Title = $"Journal du dossier {numero}";
        document.Info.Author = "Examens";
        using (var mp = new MiseEnPage(document))
        {
            mp.Paragraphe($"Journal du dossier {numero}", mp.Titre);
            mp.Paragraphe(titre, mp.SousTitre, mp.Gris);
            mp.Paragraphe(edition, mp.Petit, mp.Gris);
            mp.Y += 8;
            if (lignes.Count == 0)
            {
                mp.Paragraphe("Aucune entrée.", mp.Normal);
            }

            foreach (var l in lignes)
            {
                mp.AssurerPlace(MiseEnPage.Interligne(mp.Gras) * 3);
                mp.Graphique.DrawLine(mp.Trait, MiseEnPage.Gauche, mp.Y, MiseEnPage.Gauche + mp.Largeur, mp.Y);
                mp.Y += 4;
                mp.Paragraphe($"{l.Quand} – {l.Action}", mp.Gras);
                mp.Paragraphe($"Par : {l.Qui}{(string.IsNullOrEmpty(l.Adresse) ? "" : $" – adresse {l.Adresse}")}", mp.Normal, retrait: 10);
                if (!string.IsNullOrEmpty(l.Avant))
                {
                    mp.Paragraphe($"Avant : {l.Avant}", mp.Normal, retrait: 10);
                }

                if (!string.IsNullOrEmpty(l.Apres))
                {
                    mp.Paragraphe($"Après : {l.Apres}", mp.Normal, retrait: 10);
                }

                if (!string.IsNullOrEmpty(l.Motif))
                {
                    mp.Paragraphe($"Motif : {l.Motif}", mp.Normal, retrait: 10);
                }

                mp.Y += 4;
            }

            mp.PiedsDePage($"Journal du dossier {numero}");
        }

        using var flux = new MemoryStream();
        document.Save(flux, false);
        return flux.ToArray();
    }
}
