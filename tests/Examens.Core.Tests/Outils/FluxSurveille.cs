namespace Examens.Core.Tests.Outils;

/// <summary>
/// A long stream of PDF-looking bytes that counts what is read and throws if asked for anything past
/// <c>seuil</c>: proves a reader stopped early instead of consuming everything.
/// </summary>
internal sealed class FluxSurveille(long longueur, long seuil) : Stream
{
    public long Lus { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => longueur;

    public override long Position { get => Lus; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, longueur - Lus);
        if (Lus + n > seuil)
        {
            throw new InvalidOperationException($"Lecture au-delà de {seuil} octets : le flux a été consommé trop loin.");
        }

        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = Lus + i < 5 ? "%PDF-"u8[(int)(Lus + i)] : (byte)' ';
        }

        Lus += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
