using System.Buffers.Binary;
using System.IO.Compression;

namespace Examens.Core.Tests.Documents;

/// <summary>Real PNG and JPEG files, built byte by byte so the tests need no image library.</summary>
internal static class ImagesDeTest
{
    private static readonly uint[] TableCrc = CreerTableCrc();

    /// <summary>A decodable RGB PNG of the given size, grey pixels.</summary>
    public static byte[] Png(int largeur, int hauteur)
    {
        var lignes = new byte[hauteur * (1 + 3 * largeur)];
        for (var i = 0; i < lignes.Length; i++)
        {
            lignes[i] = i % (1 + 3 * largeur) == 0 ? (byte)0 : (byte)0x80; // filter byte 0, then grey
        }

        return PngBrut((uint)largeur, (uint)hauteur, Compresser(lignes));
    }

    /// <summary>A PNG whose header claims any size over a few bytes of data, as a decompression bomb would.</summary>
    public static byte[] PngBrut(uint largeur, uint hauteur, byte[] donnees, byte profondeur = 8, byte couleurs = 2)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, largeur);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), hauteur);
        ihdr[8] = profondeur;
        ihdr[9] = couleurs;
        EcrireBloc(png, "IHDR", ihdr);
        EcrireBloc(png, "IDAT", donnees);
        EcrireBloc(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Compresser(byte[] octets)
    {
        using var sortie = new MemoryStream();
        using (var zlib = new ZLibStream(sortie, CompressionLevel.Optimal))
        {
            zlib.Write(octets);
        }

        return sortie.ToArray();
    }

    /// <summary>
    /// A decodable baseline greyscale JPEG, flat mid-grey: one Huffman code "0" for DC difference 0 and one for
    /// end-of-block, so each 8×8 block is two bits.
    /// </summary>
    public static byte[] Jpeg(ushort largeur, ushort hauteur)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, 0xC0, [8, (byte)(hauteur >> 8), (byte)hauteur, (byte)(largeur >> 8), (byte)largeur, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0x00]);
        Segment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0x00]);
        Segment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        var blocs = (long)((largeur + 7) / 8) * ((hauteur + 7) / 8);
        var bits = 2 * blocs;
        var donnees = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
        {
            donnees[^1] = (byte)(0xFF >> (int)(bits % 8)); // pad the last byte with ones
        }

        jpeg.Write(donnees);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static void Segment(Stream flux, byte marqueur, byte[] contenu)
    {
        flux.Write([0xFF, marqueur, (byte)((contenu.Length + 2) >> 8), (byte)(contenu.Length + 2)]);
        flux.Write(contenu);
    }

    private static void EcrireBloc(Stream flux, string type, byte[] donnees)
    {
        var entete = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(entete, (uint)donnees.Length);
        System.Text.Encoding.ASCII.GetBytes(type, entete.AsSpan(4));
        flux.Write(entete);
        flux.Write(donnees);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. entete.AsSpan(4), .. donnees]));
        flux.Write(crc);
    }

    private static uint Crc32(byte[] octets)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in octets)
        {
            crc = TableCrc[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] CreerTableCrc()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
