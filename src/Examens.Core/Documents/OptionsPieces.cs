namespace Examens.Core.Documents;

/// <summary>Upload settings (configuration section <c>Examens:Pieces</c>).</summary>
public sealed class OptionsPieces
{
    /// <summary>At most 10 MB a file by default (a setting).</summary>
    public long TailleMaximale { get; set; } = 10 * 1024 * 1024;

    /// <summary>Images above this pixel count are refused (decompression bombs).</summary>
    public long PixelsMaximum { get; set; } = 50_000_000;
}
